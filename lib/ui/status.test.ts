import { describe, expect, it } from 'vitest';
import type { Finding, Severity, Status } from '../checks/types';
import { componentAriaLabel, rollUp, statusByComponent, statusOf, tallyByComponent, tallyStatus } from './status';

function finding(status: Status, severity: Severity = 'high', componentId = 'c', waived = false): Finding {
  const f: Finding = { componentId, status, severity, checkId: `${status}-${severity}`, title: 't', area: 'tls', message: 'm', evidence: [] };
  if (waived) f.waived = { reason: 'r', author: 'a', source: 'store' };
  return f;
}

describe('statusOf', () => {
  it('picks the worst level: a critical failure beats any other failure', () => {
    expect(statusOf([finding('fail', 'low'), finding('fail', 'critical')]).health).toBe('critical');
    expect(statusOf([finding('fail', 'low'), finding('warn', 'critical')]).health).toBe('failing');
    expect(statusOf([finding('warn'), finding('unknown'), finding('pass')]).health).toBe('warning');
    expect(statusOf([finding('unknown'), finding('pass')]).health).toBe('unknown');
    expect(statusOf([finding('pass'), finding('not-applicable')]).health).toBe('passing');
    expect(statusOf([finding('not-applicable')]).health).toBe('none');
  });

  it('reports the worst severity among open findings only', () => {
    const s = statusOf([finding('pass', 'critical'), finding('fail', 'medium'), finding('warn', 'high')]);
    expect(s.worstSeverity).toBe('high');
    expect(s.fail).toBe(1);
    expect(s.warn).toBe(1);
  });

  it('never counts a waived finding as open', () => {
    const s = statusOf([finding('fail', 'critical', 'c', true), finding('pass')]);
    expect(s).toMatchObject({ health: 'passing', fail: 0, waived: 1 });
  });
});

describe('rollUp', () => {
  it('adds counts and keeps the worst level', () => {
    const by = statusByComponent([finding('fail', 'critical', 'a'), finding('warn', 'low', 'b'), finding('pass', 'low', 'b')]);
    const s = rollUp([by.get('a'), by.get('b'), undefined]);
    expect(s).toMatchObject({ health: 'critical', fail: 1, warn: 1, pass: 1, worstSeverity: 'critical' });
  });
});

describe('componentAriaLabel', () => {
  it('says what the colour and the shape say', () => {
    const s = statusOf([...Array(12)].map(() => finding('fail', 'critical')));
    expect(componentAriaLabel('kube-apiserver cp-1', s)).toBe('kube-apiserver cp-1: 12 failing findings, worst critical');
    expect(componentAriaLabel('etcd cp-1', statusOf([finding('pass'), finding('pass', 'low')]))).toBe('etcd cp-1: all 2 checks passing');
    expect(componentAriaLabel('x', statusOf([finding('warn', 'medium'), finding('unknown')]))).toBe('x: 1 warning, worst medium, 1 check unknown');
    expect(componentAriaLabel('x', statusOf([]))).toBe('x: no checks apply');
  });
});

describe('tallies', () => {
  it('give the status the rows give, waived and not-applicable rows included', () => {
    const rows = [
      finding('fail', 'critical', 'a', true),
      finding('fail', 'medium', 'a'),
      finding('fail', 'medium', 'a'),
      finding('warn', 'high', 'a'),
      finding('not-applicable', 'low', 'b'),
      finding('pass', 'low', 'c'),
      finding('unknown', 'info', 'c'),
      finding('fail', 'critical', 'd'),
    ];
    const tallies = tallyByComponent(rows);
    expect(tallies.get('a')?.find((r) => r.status === 'fail' && !r.waived)?.count).toBe(2);
    expect(new Map([...tallies].map(([id, t]) => [id, tallyStatus(t)]))).toEqual(statusByComponent(rows));
    // Nothing kept: no status at all, as a component without rows has none.
    expect(tallyStatus(tallies.get('a') ?? [], (r) => r.area === 'audit')).toBeUndefined();
  });
});
