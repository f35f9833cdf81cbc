import { describe, expect, it } from 'vitest';
import { combine, makeEdge } from './edge';

describe('edges', () => {
  it('builds ids from kind, ends and qualifier', () => {
    expect(makeEdge('api', 'a', 'b', 'l', { tls: 'none', auth: 'none', evidence: [] }, 'q').id).toBe('api:a->b#q');
  });

  it('keeps a group state only when every member agrees', () => {
    const agree = combine(
      [
        { protocol: 'https', tls: 'verified', auth: 'token', evidence: ['x'] },
        { protocol: 'https', tls: 'verified', auth: 'client-cert', evidence: ['x', 'y'] },
      ],
      2,
    );
    expect(agree).toEqual({ protocol: 'https', tls: 'verified', auth: 'unknown', evidence: ['aggregated over 2 nodes', 'x', 'y'] });
  });

  it('caps the evidence list', () => {
    const many = Array.from({ length: 8 }, (_, i) => ({ tls: 'none' as const, auth: 'none' as const, evidence: [`e${i}`] }));
    expect(combine(many, 8).evidence).toEqual(['aggregated over 8 nodes', 'e0', 'e1', 'e2', 'e3', 'e4', '… and 3 more']);
  });
});
