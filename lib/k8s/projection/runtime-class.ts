import type { V1RuntimeClass } from '@kubernetes/client-node';
import type { RuntimeClassInfo } from '../../model/inventory';
import { projectMeta } from './meta';

export function projectRuntimeClass(rc: V1RuntimeClass): RuntimeClassInfo {
  return { meta: projectMeta(rc.metadata), handler: rc.handler ?? '' };
}
