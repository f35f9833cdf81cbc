/** Pod projection: metadata, the security-relevant spec, and a little status. */
import type { V1Pod } from '@kubernetes/client-node';
import type { PodInfo } from '../../model/inventory';
import { dropUndefined, isoTime, list, projectMeta } from './meta';
import { projectPodSpec } from './pod-spec';

export function projectPod(pod: V1Pod): PodInfo {
  const st = pod.status;
  const ready = list(st?.conditions).find((c) => c.type === 'Ready');
  return {
    meta: projectMeta(pod.metadata),
    spec: projectPodSpec(pod.spec),
    status: dropUndefined({
      phase: st?.phase,
      ready: ready ? ready.status === 'True' : undefined,
      qosClass: st?.qosClass,
      startTime: isoTime(st?.startTime),
    }),
  };
}
