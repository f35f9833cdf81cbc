import type { V1ServiceAccount } from '@kubernetes/client-node';
import type { ServiceAccountInfo } from '../../model/inventory';
import { list, projectMeta } from './meta';

export function projectServiceAccount(sa: V1ServiceAccount): ServiceAccountInfo {
  const out: ServiceAccountInfo = {
    meta: projectMeta(sa.metadata),
    secretNames: list(sa.secrets).flatMap((s) => (s.name ? [s.name] : [])),
  };
  if (sa.automountServiceAccountToken !== undefined) out.automountServiceAccountToken = sa.automountServiceAccountToken;
  return out;
}
