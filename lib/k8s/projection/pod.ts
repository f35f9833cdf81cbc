/** Pod projection: metadata, the security-relevant spec, and a little status. */
import type { V1Pod } from '@kubernetes/client-node';
import type { PodInfo } from '../../model/inventory';
import type { Interner } from './intern';
import { isoTime, projectMeta } from './meta';
import { projectPodSpec } from './pod-spec';

export function projectPod(pod: V1Pod, ix?: Interner): PodInfo {
  const st = pod.status;
  const status: PodInfo['status'] = {};
  if (st?.phase !== undefined) status.phase = ix ? ix.str(st.phase) : st.phase;
  const conditions = st?.conditions;
  if (Array.isArray(conditions)) {
    for (const c of conditions) {
      if (c.type === 'Ready') {
        status.ready = c.status === 'True';
        break;
      }
    }
  }
  if (st?.qosClass !== undefined) status.qosClass = ix ? ix.str(st.qosClass) : st.qosClass;
  const startTime = isoTime(st?.startTime);
  if (startTime !== undefined) status.startTime = ix ? ix.str(startTime) : startTime;
  return { meta: projectMeta(pod.metadata, ix), spec: projectPodSpec(pod.spec, ix), status };
}
