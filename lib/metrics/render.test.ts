import { describe, expect, it } from 'vitest';
import { loadPosture } from '../../cli/__fixtures__/index';
import { AREAS } from '../checks/types';
import type { Posture } from '../posture/types';
import { escapeLabelValue, formatValue, renderFamily } from './exposition';
import { FINDING_STATES, renderMetrics } from './render';

// ---------- a small, strict parser of the Prometheus text format (0.0.4) ----------

interface ParsedSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}
interface ParsedFamily {
  help?: string;
  type?: string;
  samples: ParsedSample[];
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
const LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*/;

function parseLabels(s: string, line: string): [Record<string, string>, string] {
  const labels: Record<string, string> = {};
  let rest = s.slice(1);
  while (!rest.startsWith('}')) {
    const m = LABEL.exec(rest);
    if (!m) throw new Error(`bad label name in: ${line}`);
    const key = m[0];
    rest = rest.slice(key.length);
    if (!rest.startsWith('="')) throw new Error(`expected =" in: ${line}`);
    rest = rest.slice(2);
    let value = '';
    for (;;) {
      const ch = rest[0];
      if (ch === undefined) throw new Error(`unterminated label value in: ${line}`);
      rest = rest.slice(1);
      if (ch === '"') break;
      if (ch === '\n') throw new Error(`raw newline in label value: ${line}`);
      if (ch === '\\') {
        const esc = rest[0];
        rest = rest.slice(1);
        if (esc === '\\') value += '\\';
        else if (esc === '"') value += '"';
        else if (esc === 'n') value += '\n';
        else throw new Error(`bad escape \\${esc} in: ${line}`);
      } else value += ch;
    }
    if (key in labels) throw new Error(`duplicate label ${key} in: ${line}`);
    labels[key] = value;
    if (rest.startsWith(',')) rest = rest.slice(1);
    else if (!rest.startsWith('}')) throw new Error(`expected , or } in: ${line}`);
  }
  return [labels, rest.slice(1)];
}

function parseValue(s: string, line: string): number {
  if (s === 'NaN') return NaN;
  if (s === '+Inf') return Infinity;
  if (s === '-Inf') return -Infinity;
  if (!/^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(s)) throw new Error(`bad value "${s}" in: ${line}`);
  return Number(s);
}

function parseExposition(text: string): Map<string, ParsedFamily> {
  if (!text.endsWith('\n')) throw new Error('output must end with a newline');
  const families = new Map<string, ParsedFamily>();
  const seenSeries = new Set<string>();
  const closed = new Set<string>();
  let current: string | undefined;
  const family = (name: string) => {
    if (current !== name) {
      if (closed.has(name)) throw new Error(`family ${name} is not contiguous`);
      if (current) closed.add(current);
      current = name;
    }
    let f = families.get(name);
    if (!f) families.set(name, (f = { samples: [] }));
    return f;
  };
  for (const line of text.slice(0, -1).split('\n')) {
    if (line === '') throw new Error('empty line');
    const meta = /^# (HELP|TYPE) (\S+) ?(.*)$/.exec(line);
    if (meta) {
      const [, kind, name = '', rest = ''] = meta;
      if (!NAME.test(name) || NAME.exec(name)?.[0] !== name) throw new Error(`bad metric name ${name}`);
      const f = family(name);
      if (kind === 'HELP') {
        if (f.help !== undefined) throw new Error(`second HELP for ${name}`);
        if (/\\[^\\n]/.test(rest.replace(/\\\\/g, ''))) throw new Error(`bad escape in HELP of ${name}`);
        f.help = rest;
      } else {
        if (f.type !== undefined) throw new Error(`second TYPE for ${name}`);
        if (f.samples.length) throw new Error(`TYPE after samples for ${name}`);
        if (!['counter', 'gauge', 'histogram', 'summary', 'untyped'].includes(rest)) throw new Error(`bad type ${rest}`);
        f.type = rest;
      }
      continue;
    }
    if (line.startsWith('#')) continue;
    const m = NAME.exec(line);
    if (!m) throw new Error(`bad sample line: ${line}`);
    const name = m[0];
    let rest = line.slice(name.length);
    let labels: Record<string, string> = {};
    if (rest.startsWith('{')) [labels, rest] = parseLabels(rest, line);
    if (!rest.startsWith(' ')) throw new Error(`expected a space before the value: ${line}`);
    const [valueText = '', ts, extra] = rest.slice(1).split(' ');
    if (extra !== undefined || (ts !== undefined && !/^-?\d+$/.test(ts))) throw new Error(`trailing garbage: ${line}`);
    const series = `${name}${JSON.stringify(Object.entries(labels).sort())}`;
    if (seenSeries.has(series)) throw new Error(`duplicate series: ${line}`);
    seenSeries.add(series);
    family(name).samples.push({ name, labels, value: parseValue(valueText, line) });
  }
  return families;
}

// ---------- tests ----------

function value(families: Map<string, ParsedFamily>, name: string, labels: Record<string, string>): number | undefined {
  const match = families.get(name)?.samples.filter((s) => Object.entries(labels).every(([k, v]) => s.labels[k] === v));
  if (!match || match.length === 0) return undefined;
  if (match.length > 1) throw new Error(`ambiguous ${name} ${JSON.stringify(labels)}`);
  return match[0]?.value;
}

function latest(): Map<string, Posture> {
  return new Map([
    ['kp-weak', loadPosture('weak')],
    ['kp-hardened', loadPosture('hardened')],
    ['kp-managed', loadPosture('managed')],
  ]);
}

describe('renderMetrics', () => {
  const postures = latest();
  const text = renderMetrics(postures);
  const families = parseExposition(text);

  it('parses strictly, with HELP and TYPE gauge for every family', () => {
    expect([...families.keys()]).toEqual([
      'kube_posture_score',
      'kube_posture_component_score',
      'kube_posture_findings',
      'kube_posture_checks',
      'kube_posture_scan_duration_seconds',
      'kube_posture_scan_api_requests',
      'kube_posture_last_scan_timestamp_seconds',
    ]);
    for (const [name, f] of families) {
      expect(f.help, name).toBeTruthy();
      expect(f.type, name).toBe('gauge');
    }
  });

  it.each([...latest().keys()])('exports the numbers of the %s posture', (cluster) => {
    const p = postures.get(cluster) as Posture;
    expect(value(families, 'kube_posture_score', { cluster, area: 'all' })).toBe(p.scores.cluster.score);
    for (const area of AREAS) {
      const s = p.scores.byArea[area].score;
      expect(value(families, 'kube_posture_score', { cluster, area }), area).toBe(s === null ? undefined : s);
    }
    for (const [component, score] of Object.entries(p.scores.byComponent)) {
      const type = p.architecture.components.find((c) => c.id === component)?.type;
      expect(value(families, 'kube_posture_component_score', { cluster, component }), component).toBe(score.score === null ? undefined : score.score);
      if (score.score !== null) expect(families.get('kube_posture_component_score')?.samples.find((s) => s.labels.cluster === cluster && s.labels.component === component)?.labels.type).toBe(type);
    }
    // Findings: per status they add up to the posture's counts; fail + warn per severity to bySeverity.
    for (const status of FINDING_STATES) {
      const sum = (['critical', 'high', 'medium', 'low', 'info'] as const).reduce((n, severity) => n + (value(families, 'kube_posture_findings', { cluster, severity, status }) ?? NaN), 0);
      expect(sum, status).toBe(p.scores.cluster.counts[status]);
    }
    for (const severity of ['critical', 'high', 'medium', 'low', 'info'] as const) {
      const open = (value(families, 'kube_posture_findings', { cluster, severity, status: 'fail' }) ?? 0) + (value(families, 'kube_posture_findings', { cluster, severity, status: 'warn' }) ?? 0);
      expect(open, severity).toBe(p.scores.bySeverity[severity]);
    }
    expect(value(families, 'kube_posture_checks', { cluster, state: 'evaluated' })).toBe(p.scores.cluster.checks.evaluated);
    expect(value(families, 'kube_posture_checks', { cluster, state: 'unknown' })).toBe(p.scores.cluster.checks.unknown);
    expect(value(families, 'kube_posture_scan_duration_seconds', { cluster })).toBe(p.stats.durationMs / 1000);
    expect(value(families, 'kube_posture_scan_api_requests', { cluster })).toBe(p.stats.requests);
    expect(value(families, 'kube_posture_last_scan_timestamp_seconds', { cluster })).toBe(Date.parse(p.collectedAt) / 1000);
  });

  it('keeps zero-valued finding series so alerts do not see them vanish', () => {
    expect(value(families, 'kube_posture_findings', { cluster: 'kp-hardened', severity: 'critical', status: 'fail' })).toBe(0);
    expect(families.get('kube_posture_findings')?.samples).toHaveLength(3 * 5 * FINDING_STATES.length);
  });

  it('counts waived findings under status="waived" only', () => {
    const p = loadPosture('hardened');
    const f = p.findings.find((x) => x.status === 'fail');
    if (!f) throw new Error('fixture lacks a failure');
    f.waived = { reason: 'r', author: 'a', source: 'store' };
    const fam = parseExposition(renderMetrics(new Map([['c', p]])));
    expect(value(fam, 'kube_posture_findings', { cluster: 'c', severity: f.severity, status: 'waived' })).toBe(1);
  });

  it('escapes label values per the spec and round-trips hostile context names', () => {
    const hostile = 'ctx "quoted" \\ back\nslash';
    const fam = parseExposition(renderMetrics(new Map([[hostile, loadPosture('hardened')]])));
    expect(fam.get('kube_posture_score')?.samples[0]?.labels.cluster).toBe(hostile);
    expect(escapeLabelValue('a\\b"c\nd')).toBe('a\\\\b\\"c\\nd');
  });

  it('leaves out scores that could not be computed and renders an empty registry as documentation only', () => {
    const p = loadPosture('hardened');
    p.scores.cluster.score = null;
    const fam = parseExposition(renderMetrics(new Map([['c', p]])));
    expect(value(fam, 'kube_posture_score', { cluster: 'c', area: 'all' })).toBeUndefined();
    const empty = parseExposition(renderMetrics(new Map()));
    expect([...empty.values()].every((f) => f.samples.length === 0 && f.type === 'gauge')).toBe(true);
  });

  it('formats special values and escapes HELP text', () => {
    expect([NaN, Infinity, -Infinity, 1.5, 0].map(formatValue)).toEqual(['NaN', '+Inf', '-Inf', '1.5', '0']);
    expect(renderFamily({ name: 'x', help: 'a\\b\nc', type: 'gauge', samples: [] })).toBe('# HELP x a\\\\b\\nc\n# TYPE x gauge\n');
    expect(() => renderFamily({ name: 'bad-name', help: '', type: 'gauge', samples: [] })).toThrow();
  });

  it('the strict parser rejects malformed input (so the checks above mean something)', () => {
    expect(() => parseExposition('x{a="b} 1\n')).toThrow();
    expect(() => parseExposition('x{a="\\q"} 1\n')).toThrow();
    expect(() => parseExposition('x 1\nx 2\n')).toThrow();
    expect(() => parseExposition('x one\n')).toThrow();
    expect(() => parseExposition('x 1\ny 1\nx 2\n')).toThrow();
    expect(() => parseExposition('x 1')).toThrow();
  });
});
