/** Role and ClusterRole projection. */
import type { V1ClusterRole, V1PolicyRule, V1Role } from '@kubernetes/client-node';
import type { PolicyRule, RoleInfo } from '../../model/inventory';
import { list, projectMeta } from './meta';

export function projectRule(r: V1PolicyRule): PolicyRule {
  const out: PolicyRule = {
    apiGroups: [...list(r.apiGroups)],
    resources: [...list(r.resources)],
    verbs: [...list(r.verbs)],
  };
  if (r.resourceNames?.length) out.resourceNames = [...r.resourceNames];
  if (r.nonResourceURLs?.length) out.nonResourceURLs = [...r.nonResourceURLs];
  return out;
}

export function projectRole(kind: 'Role' | 'ClusterRole', role: V1Role | V1ClusterRole): RoleInfo {
  const out: RoleInfo = { kind, meta: projectMeta(role.metadata), rules: list(role.rules).map(projectRule) };
  if (kind === 'ClusterRole' && (role as V1ClusterRole).aggregationRule) out.aggregated = true;
  return out;
}
