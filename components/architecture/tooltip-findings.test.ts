import { describe, expect, it } from 'vitest';
import type { Finding } from '@/lib/checks/types';
import { worstDistinct } from './tooltip-findings';

const f = (checkId: string, object: string): Finding => ({ checkId, title: checkId, object: { kind: 'Pod', name: object } }) as unknown as Finding;

describe('worstDistinct', () => {
  it('lists each check once, in the given order, with how many findings it stands for', () => {
    const sorted = [f('a', '1'), f('a', '2'), f('b', '1'), f('a', '3'), f('c', '1'), f('d', '1')];
    expect(worstDistinct(sorted).map((t) => [t.finding.checkId, t.count])).toEqual([
      ['a', 3],
      ['b', 1],
      ['c', 1],
    ]);
  });

  it('is empty without findings', () => {
    expect(worstDistinct([])).toEqual([]);
  });
});
