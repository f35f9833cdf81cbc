import { describe, expect, it } from 'vitest';
import { countsBySeverity, coverageSentence, scoreByArea, scoreByComponent, scoreFindings } from './scoring';
import type { Finding, Severity, Status } from './types';

let n = 0;
function f(checkId: string, severity: Severity, status: Status, extra: Partial<Finding> = {}): Finding {
  n++;
  return { checkId, title: checkId, area: 'tls', severity, status, componentId: `c${n}`, message: 'm', evidence: [], ...extra };
}

describe('scoreFindings', () => {
  it('weights by severity: one high pass + one medium fail = 6 / 9', () => {
    const s = scoreFindings([f('a', 'high', 'pass'), f('b', 'medium', 'fail')]);
    expect(s.score).toBe(67);
  });

  it('counts a warn as half a failure', () => {
    // 6 / (6 + 0.5 * 6) = 66.7
    expect(scoreFindings([f('a', 'high', 'pass'), f('b', 'high', 'warn')]).score).toBe(67);
    // 6 / (6 + 6) = 50
    expect(scoreFindings([f('a', 'high', 'pass'), f('b', 'high', 'fail')]).score).toBe(50);
  });

  it('gives each check its weight once, split over its results', () => {
    // check a: 1 pass of 4 → earns 1/4 of 6; check b: 1 pass → earns 6. (1.5 + 6) / 12 = 62.5
    const many = [f('a', 'high', 'pass'), f('a', 'high', 'fail'), f('a', 'high', 'fail'), f('a', 'high', 'fail'), f('b', 'high', 'pass')];
    expect(scoreFindings(many).score).toBe(63);
  });

  it('excludes unknown and not-applicable from the score and reports coverage', () => {
    const s = scoreFindings([f('a', 'high', 'pass'), f('b', 'critical', 'unknown'), f('c', 'low', 'not-applicable'), f('d', 'low', 'unknown')]);
    expect(s.score).toBe(100);
    expect(s.checks).toEqual({ total: 4, evaluated: 1, unknown: 2, notApplicable: 1 });
    expect(s.coverage).toBeCloseTo(1 / 3);
    expect(s.coverageText).toBe('score covers 33% of checks; 67% could not be evaluated');
  });

  it('excludes waived findings but counts them', () => {
    const waived = { reason: 'accepted risk', author: 'me', source: 'store' as const };
    const s = scoreFindings([f('a', 'high', 'pass'), f('b', 'high', 'fail', { waived })]);
    expect(s.score).toBe(100);
    expect(s.counts.waived).toBe(1);
    expect(s.counts.fail).toBe(0);
    expect(s.checks.notApplicable).toBe(1);
  });

  it('is null when nothing weighted was evaluated', () => {
    expect(scoreFindings([]).score).toBeNull();
    expect(scoreFindings([f('a', 'info', 'fail')]).score).toBeNull();
    expect(scoreFindings([f('a', 'high', 'unknown')]).coverageText).toBe('score covers 0% of checks; 100% could not be evaluated');
  });
});

describe('scopes', () => {
  it('scores per component and per area', () => {
    const a = f('x', 'high', 'pass', { componentId: 'node/a', area: 'tls' });
    const b = f('y', 'high', 'fail', { componentId: 'node/b', area: 'audit' });
    expect(scoreByComponent([a, b])).toMatchObject({ 'node/a': { score: 100 }, 'node/b': { score: 0 } });
    const byArea = scoreByArea([a, b]);
    expect(byArea.tls.score).toBe(100);
    expect(byArea.audit.score).toBe(0);
    expect(byArea.network.score).toBeNull();
  });

  it('counts open findings by severity', () => {
    const c = countsBySeverity([f('a', 'critical', 'fail'), f('b', 'high', 'warn'), f('c', 'high', 'pass'), f('d', 'low', 'fail', { waived: { reason: 'r', author: 'a', source: 'annotation' } })]);
    expect(c).toEqual({ critical: 1, high: 1, medium: 0, low: 0, info: 0 });
  });

  it('phrases full coverage without a remainder', () => {
    expect(coverageSentence(3, 0)).toBe('score covers 100% of checks');
    expect(coverageSentence(0, 0)).toBe('no checks could be evaluated');
  });
});
