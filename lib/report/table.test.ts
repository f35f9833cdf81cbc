import { describe, expect, it } from 'vitest';
import { loadPosture } from '../../cli/__fixtures__/index';
import { ANSI, PLAIN, shouldColor, visibleLength } from './color';
import { formatTable } from './table';

describe('formatTable', () => {
  it('heads with context, score and coverage, and counts open findings per severity', () => {
    const p = loadPosture('weak');
    const out = formatTable(p);
    const lines = out.split('\n');
    expect(lines[0]).toContain(`context ${p.cluster.context}`);
    expect(out).toContain(`Score ${p.scores.cluster.score}/100 (${p.scores.cluster.coverageText})`);
    expect(out).toContain(`${p.scores.bySeverity.critical} critical · ${p.scores.bySeverity.high} high`);
  });

  it('lists every open finding once, under its component, and no passing one', () => {
    const p = loadPosture('weak');
    const out = formatTable(p);
    const rows = out.split('\n').filter((l) => /^ {2}(CRITICAL|HIGH|MEDIUM|LOW|INFO) +(FAIL|WARN) /.test(l));
    const open = p.findings.filter((f) => f.status === 'fail' || f.status === 'warn');
    expect(rows).toHaveLength(open.length);
    expect(out).not.toMatch(/^ {2}\S+ +PASS /m);
    // Grouped: each component header appears once, and a finding follows its component's header.
    const headers = out.split('\n').filter((l) => /^\S.*\(.*open\)$/.test(l));
    expect(new Set(headers).size).toBe(headers.length);
    expect(headers.length).toBe(new Set(open.map((f) => f.componentId)).size);
    const apiserver = out.indexOf('control-plane/kube-apiserver/cp-1  (');
    expect(out.indexOf('apiserver-anonymous-auth · Pod kube-system/kube-apiserver-cp-1')).toBeGreaterThan(apiserver);
  });

  it('puts the component with the worst finding first', () => {
    const out = formatTable(loadPosture('weak'));
    const firstRow = out.split('\n').find((l) => /^ {2}[A-Z]+ +(FAIL|WARN) /.test(l));
    expect(firstRow).toMatch(/^ {2}CRITICAL/);
  });

  it('says so when nothing is open, and names what stayed unknown and what could not be read', () => {
    const p = loadPosture('hardened');
    p.findings = p.findings.filter((f) => f.status !== 'fail' && f.status !== 'warn');
    p.issues = [{ kind: 'Secret', verb: 'list', reason: 'forbidden', message: 'no rights' }];
    const out = formatTable(p);
    expect(out).toContain('No open findings.');
    expect(out).toContain('stayed unknown');
    expect(out).toContain('list Secret: forbidden · no rights');
  });

  it('counts waived findings without listing them', () => {
    const p = loadPosture('hardened');
    const f = p.findings.find((x) => x.status === 'fail');
    if (!f) throw new Error('fixture lacks a failure');
    f.waived = { reason: 'r', author: 'a', source: 'store' };
    const out = formatTable(p);
    expect(out).toContain('1 waived finding not shown.');
    expect(out).not.toContain(`${f.checkId} · `);
  });

  it('has no escape codes with the plain palette and the same text with ANSI', () => {
    const p = loadPosture('weak');
    const plain = formatTable(p, { palette: PLAIN });
    const colored = formatTable(p, { palette: ANSI });
    expect(plain).not.toContain('\u001b[');
    expect(colored).toContain('\u001b[');
    expect(colored.split('\n').map(visibleLength)).toEqual(plain.split('\n').map((l) => l.length));
  });
});

describe('shouldColor', () => {
  it('colours a terminal only, and never with NO_COLOR', () => {
    expect(shouldColor(true, {})).toBe(true);
    expect(shouldColor(false, {})).toBe(false);
    expect(shouldColor(undefined, {})).toBe(false);
    expect(shouldColor(true, { NO_COLOR: '1' })).toBe(false);
    expect(shouldColor(true, { NO_COLOR: '' })).toBe(true);
    expect(shouldColor(true, { TERM: 'dumb' })).toBe(false);
    expect(shouldColor(false, { FORCE_COLOR: '1' })).toBe(true);
    expect(shouldColor(true, { FORCE_COLOR: '1', NO_COLOR: 'x' })).toBe(false);
  });
});
