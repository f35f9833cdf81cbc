import { describe, expect, it } from 'vitest';
import { projectRoleBinding } from './role-binding';

describe('projectRoleBinding', () => {
  it('projects roleRef and subjects', () => {
    expect(
      projectRoleBinding('ClusterRoleBinding', {
        metadata: { name: 'b' },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' },
        subjects: [{ kind: 'Group', name: 'system:anonymous' }, { kind: 'ServiceAccount', name: 'x', namespace: 'n' }],
      }),
    ).toEqual({
      kind: 'ClusterRoleBinding',
      meta: { name: 'b', labels: {}, annotations: {} },
      roleRef: { kind: 'ClusterRole', name: 'cluster-admin' },
      subjects: [{ kind: 'Group', name: 'system:anonymous' }, { kind: 'ServiceAccount', name: 'x', namespace: 'n' }],
    });
  });

  it('treats a binding without subjects as binding nobody', () => {
    expect(projectRoleBinding('RoleBinding', { metadata: { name: 'b' }, roleRef: { apiGroup: '', kind: 'Role', name: 'r' } }).subjects).toEqual([]);
  });
});
