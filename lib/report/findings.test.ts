import { describe, expect, it } from 'vitest';
import { loadPosture } from '../../cli/__fixtures__/index';
import type { Finding } from '../checks/types';
import { compareFindings, findingKey, isOpen, openAtOrAbove, targetText } from './findings';

const base: Finding = {
  checkId: 'c',
  title: 't',
  area: 'workloads',
  severity: 'high',
  componentId: 'cluster',
  status: 'fail',
  message: 'm',
  evidence: [],
};

describe('open findings and thresholds', () => {
  it('counts fail and warn, never pass, unknown, not-applicable or waived', () => {
    expect(isOpen(base)).toBe(true);
    expect(isOpen({ ...base, status: 'warn' })).toBe(true);
    for (const status of ['pass', 'unknown', 'not-applicable'] as const) expect(isOpen({ ...base, status })).toBe(false);
    expect(isOpen({ ...base, waived: { reason: 'r', author: 'a', source: 'store' } })).toBe(false);
  });

  it('applies the threshold inclusively, most severe first', () => {
    const list = (['critical', 'high', 'medium', 'low', 'info'] as const).map((severity) => ({ ...base, severity }));
    expect(openAtOrAbove(list, 'critical').map((f) => f.severity)).toEqual(['critical']);
    expect(openAtOrAbove(list, 'high').map((f) => f.severity)).toEqual(['critical', 'high']);
    expect(openAtOrAbove(list, 'low').map((f) => f.severity)).toEqual(['critical', 'high', 'medium', 'low']);
  });

  it('agrees with the posture severity counts', () => {
    const p = loadPosture('weak');
    const open = openAtOrAbove(p.findings, 'low');
    const bySeverity = p.scores.bySeverity;
    expect(open.length).toBe(bySeverity.critical + bySeverity.high + bySeverity.medium + bySeverity.low);
  });

  it('names targets and keys findings by check, component and object', () => {
    const f = { ...base, object: { kind: 'Pod', namespace: 'kube-system', name: 'x' } };
    expect(targetText(f)).toBe('Pod kube-system/x');
    expect(targetText(base)).toBe('cluster');
    expect(findingKey(f)).toBe('c|cluster|Pod/kube-system/x');
    expect(findingKey({ ...f, object: { kind: 'ClusterRole', name: 'y' } })).toBe('c|cluster|ClusterRole/y');
  });

  it('sorts by severity, then fail before warn', () => {
    const sorted = [{ ...base, severity: 'low' as const }, { ...base, status: 'warn' as const }, base].sort(compareFindings);
    expect(sorted.map((f) => `${f.severity}:${f.status}`)).toEqual(['high:fail', 'high:warn', 'low:fail']);
  });
});
