import { describe, expect, it } from 'vitest';
import type { Finding } from '../checks/types';
import { scoreFindings } from '../checks/scoring';
import { applyWaivers } from './apply';
import type { Waiver, WaiverRule } from './types';

const now = new Date('2026-06-01T00:00:00Z');

function finding(over: Partial<Finding> = {}): Finding {
  return {
    checkId: 'pod-privileged',
    title: 'No privileged containers',
    area: 'workloads',
    severity: 'high',
    componentId: 'cluster',
    object: { kind: 'Deployment', namespace: 'team-a', name: 'reports' },
    status: 'fail',
    message: 'privileged',
    evidence: [],
    ...over,
  };
}

const stored: Waiver = {
  context: 'kp-weak',
  checkId: 'pod-privileged',
  target: { componentId: 'cluster', object: 'Deployment team-a/reports' },
  reason: 'needs host access until Q3',
  author: 'alice',
  createdAt: '2026-05-01T00:00:00.000Z',
  expiresAt: '2026-07-01T00:00:00.000Z',
};

describe('applyWaivers', () => {
  it('waives a matching failing finding and records reason, author, expiry and source', () => {
    const [f] = applyWaivers([finding()], [stored], now);
    expect(f?.waived).toEqual({ reason: stored.reason, author: 'alice', expiresAt: stored.expiresAt, source: 'store' });
  });

  it('ignores expired waivers (the finding counts again)', () => {
    const [f] = applyWaivers([finding()], [stored], new Date('2026-07-01T00:00:00Z'));
    expect(f?.waived).toBeUndefined();
  });

  it('matches on check, component and object', () => {
    const other = [
      finding({ checkId: 'pod-host-pid' }),
      finding({ componentId: 'addon/coredns' }),
      finding({ object: { kind: 'Deployment', namespace: 'team-a', name: 'other' } }),
      finding({ object: undefined }),
    ];
    expect(applyWaivers(other, [stored], now).map((f) => f.waived)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('a waiver without an object covers every object of the component', () => {
    const w: Waiver = { ...stored, target: { componentId: 'cluster' } };
    const out = applyWaivers([finding(), finding({ object: undefined })], [w], now);
    expect(out.every((f) => f.waived)).toBe(true);
  });

  it('never waives pass, unknown or not-applicable findings', () => {
    const out = applyWaivers([finding({ status: 'pass' }), finding({ status: 'unknown' }), finding({ status: 'not-applicable' }), finding({ status: 'warn' })], [stored], now);
    expect(out.map((f) => Boolean(f.waived))).toEqual([false, false, false, true]);
  });

  it('annotation rules match on the object whatever the component; store waivers win', () => {
    const ann: WaiverRule = { checkId: 'pod-privileged', object: 'Deployment team-a/reports', reason: 'ann', author: 'annotation on Deployment team-a/reports', source: 'annotation' };
    expect(applyWaivers([finding({ componentId: 'addon/x' })], [ann], now)[0]?.waived?.source).toBe('annotation');
    expect(applyWaivers([finding()], [ann, stored], now)[0]?.waived?.source).toBe('store');
  });

  it('recomputes instead of keeping a stale waived mark, and does not mutate its input', () => {
    const input = [finding({ waived: { reason: 'old', author: 'x', source: 'store' } })];
    const out = applyWaivers(input, [], now);
    expect(out[0]?.waived).toBeUndefined();
    expect(input[0]?.waived?.reason).toBe('old');
  });

  it('waived findings stop counting against the score', () => {
    const fs = [finding(), finding({ checkId: 'other', status: 'pass' })];
    expect(scoreFindings(fs).score).toBeLessThan(100);
    expect(scoreFindings(applyWaivers(fs, [stored], now)).score).toBe(100);
  });
});
