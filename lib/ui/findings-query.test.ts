import { describe, expect, it } from 'vitest';
import { AREAS, type Finding, type Severity, type Status } from '../checks/types';
import { DEFAULT_QUERY, buildRows, filterFindings, paramsFromQuery, queryFromParams, sortFindings } from './findings-query';
import { SEVERITY_ORDER } from './status';

const STATUSES: Status[] = ['fail', 'warn', 'unknown', 'pass', 'not-applicable'];

/** 100,000 findings across 500 namespaces, 120 checks and 5,000 nodes. */
function many(n: number): Finding[] {
  const out: Finding[] = [];
  for (let i = 0; i < n; i++) {
    const check = i % 120;
    out.push({
      checkId: `check-${check}`,
      title: `Check number ${check}`,
      area: AREAS[check % AREAS.length]!,
      severity: SEVERITY_ORDER[check % 5] as Severity,
      status: STATUSES[Math.floor(i / 7) % 5]!,
      componentId: `node/node-${i % 5000}`,
      object: { kind: 'Pod', namespace: `ns-${Math.floor(i / 3) % 500}`, name: `pod-${i}` },
      message: `message ${i}`,
      evidence: [],
    });
  }
  return out;
}

describe('findings query at 100,000 rows', () => {
  const findings = many(100_000);

  it('filters, sorts and groups 100,000 findings', () => {
    const started = performance.now();
    const open = filterFindings(findings, DEFAULT_QUERY);
    const sorted = sortFindings(open, 'severity', false);
    const rows = buildRows(sorted, 'namespace', new Set());
    console.info(`100k findings: filter+sort+group in ${(performance.now() - started).toFixed(0)} ms`);
    expect(open).toHaveLength(findings.filter((f) => f.status === 'fail' || f.status === 'warn').length);
    expect(sorted[0]?.severity).toBe('critical');
    expect(sorted.at(-1)?.severity).toBe('info');
    expect(rows.filter((r) => r.kind === 'group')).toHaveLength(500);
    expect(rows).toHaveLength(open.length + 500);
  });

  it('combines filters', () => {
    const pick = findings[12_345]!;
    const r = filterFindings(findings, { ...DEFAULT_QUERY, status: 'all', namespace: pick.object?.namespace, severity: pick.severity, text: pick.title.toLowerCase() });
    expect(r).toContain(pick);
    expect(r.every((f) => f.object?.namespace === pick.object?.namespace && f.severity === pick.severity && f.title === pick.title)).toBe(true);
  });

  it('collapses a group to its header row', () => {
    const sorted = sortFindings(filterFindings(findings, { ...DEFAULT_QUERY, check: 'check-3' }), 'severity', false);
    const rows = buildRows(sorted, 'check', new Set(['check-3']));
    expect(rows).toEqual([expect.objectContaining({ kind: 'group', key: 'check-3', collapsed: true, count: sorted.length })]);
  });

  it('sorts stably by text keys in both directions', () => {
    const sample = findings.slice(0, 50);
    const asc = sortFindings(sample, 'object', false);
    const desc = sortFindings(sample, 'object', true);
    expect(asc.map((f) => f.object?.name)).toEqual([...desc.map((f) => f.object?.name)].reverse());
  });
});

describe('query ↔ URL', () => {
  it('round-trips and ignores nonsense', () => {
    const q = { ...DEFAULT_QUERY, severity: 'critical' as const, status: 'fail' as const, groupBy: 'check' as const, text: 'anon' };
    const params = new URLSearchParams(Object.entries(paramsFromQuery(q)).filter((e): e is [string, string] => e[1] !== undefined));
    expect(queryFromParams(params)).toEqual(q);
    expect(queryFromParams(new URLSearchParams('severity=purple&status=maybe&group=x'))).toEqual(DEFAULT_QUERY);
  });
});
