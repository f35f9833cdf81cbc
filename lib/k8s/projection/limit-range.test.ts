import { describe, expect, it } from 'vitest';
import type { V1LimitRange } from '@kubernetes/client-node';
import { projectLimitRange } from './limit-range';

describe('projectLimitRange', () => {
  it('reads `default` from plain JSON (client-node calls it `_default`)', () => {
    const json = {
      metadata: { name: 'lr', namespace: 'n' },
      spec: { limits: [{ type: 'Container', default: { cpu: '500m' }, defaultRequest: { cpu: '100m' }, max: { memory: '1Gi' } }] },
    } as unknown as V1LimitRange;
    expect(projectLimitRange(json).limits).toEqual([
      { type: 'Container', default: { cpu: '500m' }, defaultRequest: { cpu: '100m' }, max: { memory: '1Gi' } },
    ]);
    expect(projectLimitRange({ spec: { limits: [{ type: 'Pod', _default: { cpu: '1' } }] } }).limits[0]?.default).toEqual({ cpu: '1' });
  });
});
