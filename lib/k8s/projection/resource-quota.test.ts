import { describe, expect, it } from 'vitest';
import { projectResourceQuota } from './resource-quota';

describe('projectResourceQuota', () => {
  it('projects hard, used and scopes', () => {
    expect(
      projectResourceQuota({
        metadata: { name: 'q', namespace: 'n' },
        spec: { hard: { pods: '10', 'limits.cpu': '4' }, scopes: ['NotTerminating'] },
        status: { used: { pods: '3' } },
      }),
    ).toEqual({
      meta: { name: 'q', namespace: 'n', labels: {}, annotations: {} },
      hard: { pods: '10', 'limits.cpu': '4' },
      used: { pods: '3' },
      scopes: ['NotTerminating'],
    });
  });
});
