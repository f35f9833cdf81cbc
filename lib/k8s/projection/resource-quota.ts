import type { V1ResourceQuota } from '@kubernetes/client-node';
import type { ResourceQuotaInfo } from '../../model/inventory';
import { list, projectMeta, stringMap } from './meta';

export function projectResourceQuota(rq: V1ResourceQuota): ResourceQuotaInfo {
  return {
    meta: projectMeta(rq.metadata),
    hard: stringMap(rq.spec?.hard),
    used: stringMap(rq.status?.used),
    scopes: [...list(rq.spec?.scopes)],
  };
}
