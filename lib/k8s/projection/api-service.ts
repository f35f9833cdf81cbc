/** APIService projection: aggregated APIs and whether the apiserver skips TLS verification to them. */
import type { V1APIService } from '@kubernetes/client-node';
import type { ApiServiceInfo } from '../../model/inventory';
import { dropUndefined, list, projectMeta } from './meta';

export function projectApiService(svc: V1APIService): ApiServiceInfo {
  const spec = svc.spec;
  const available = list(svc.status?.conditions).find((c) => c.type === 'Available');
  return dropUndefined<ApiServiceInfo>({
    meta: projectMeta(svc.metadata),
    group: spec?.group,
    version: spec?.version,
    service: spec?.service ? { namespace: spec.service.namespace ?? '', name: spec.service.name ?? '' } : undefined,
    insecureSkipTLSVerify: spec?.insecureSkipTLSVerify,
    available: available ? available.status === 'True' : undefined,
  });
}
