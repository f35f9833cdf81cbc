import { describe, expect, it } from 'vitest';
import { projectRole } from './role';

describe('projectRole', () => {
  it('projects rules and marks aggregated ClusterRoles', () => {
    const r = projectRole('ClusterRole', {
      metadata: { name: 'admin' },
      aggregationRule: { clusterRoleSelectors: [{ matchLabels: { x: 'y' } }] },
      rules: [
        { apiGroups: [''], resources: ['secrets'], verbs: ['get', 'list'], resourceNames: ['one'] },
        { nonResourceURLs: ['/metrics'], verbs: ['get'] },
      ],
    });
    expect(r).toEqual({
      kind: 'ClusterRole',
      meta: { name: 'admin', labels: {}, annotations: {} },
      aggregated: true,
      rules: [
        { apiGroups: [''], resources: ['secrets'], verbs: ['get', 'list'], resourceNames: ['one'] },
        { apiGroups: [], resources: [], verbs: ['get'], nonResourceURLs: ['/metrics'] },
      ],
    });
  });
});
