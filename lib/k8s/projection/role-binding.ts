/** RoleBinding and ClusterRoleBinding projection. */
import type { V1ClusterRoleBinding, V1RoleBinding } from '@kubernetes/client-node';
import type { RoleBindingInfo, Subject } from '../../model/inventory';
import { list, projectMeta } from './meta';

export function projectRoleBinding(
  kind: 'RoleBinding' | 'ClusterRoleBinding',
  rb: V1RoleBinding | V1ClusterRoleBinding,
): RoleBindingInfo {
  return {
    kind,
    meta: projectMeta(rb.metadata),
    roleRef: { kind: rb.roleRef?.kind ?? '', name: rb.roleRef?.name ?? '' },
    subjects: list(rb.subjects).map((s) => {
      const out: Subject = { kind: s.kind ?? '', name: s.name ?? '' };
      if (s.namespace) out.namespace = s.namespace;
      return out;
    }),
  };
}
