/** PodSpec projection, shared by Pods and workload templates. */
import type { V1PodSpec, V1Volume } from '@kubernetes/client-node';
import type { PodSpecInfo, VolumeInfo } from '../../model/inventory';
import { projectContainer } from './container';
import { dropUndefined, list } from './meta';
import { projectPodSecurityContext } from './security-context';

export function projectVolume(v: V1Volume): VolumeInfo {
  const sources = list(v.projected?.sources);
  return dropUndefined<VolumeInfo>({
    name: v.name ?? '',
    hostPath: v.hostPath ? dropUndefined({ path: v.hostPath.path ?? '', type: v.hostPath.type || undefined }) : undefined,
    secretName: v.secret ? (v.secret.secretName ?? '') : undefined,
    configMapName: v.configMap ? (v.configMap.name ?? '') : undefined,
    projectedServiceAccountToken: sources.some((s) => s.serviceAccountToken) || undefined,
    emptyDir: v.emptyDir ? true : undefined,
    persistentVolumeClaim: v.persistentVolumeClaim?.claimName,
  });
}

export function projectPodSpec(spec: V1PodSpec | undefined): PodSpecInfo {
  const s = spec;
  return dropUndefined<PodSpecInfo>({
    nodeName: s?.nodeName || undefined,
    // `serviceAccount` is the deprecated alias still filled in by the API server.
    serviceAccountName: s?.serviceAccountName || s?.serviceAccount || undefined,
    automountServiceAccountToken: s?.automountServiceAccountToken,
    hostNetwork: s?.hostNetwork,
    hostPID: s?.hostPID,
    hostIPC: s?.hostIPC,
    runtimeClassName: s?.runtimeClassName || undefined,
    priorityClassName: s?.priorityClassName || undefined,
    securityContext: projectPodSecurityContext(s?.securityContext),
    volumes: list(s?.volumes).map(projectVolume),
    containers: list(s?.containers).map(projectContainer),
    initContainers: list(s?.initContainers).map(projectContainer),
    ephemeralContainers: list(s?.ephemeralContainers).map(projectContainer),
    tolerations: s?.tolerations?.map((t) => dropUndefined({ key: t.key, operator: t.operator, effect: t.effect })),
  });
}
