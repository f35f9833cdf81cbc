/** PodSpec projection, shared by Pods and workload templates. */
import type { V1Container, V1PodSpec, V1Volume } from '@kubernetes/client-node';
import type { ContainerInfo, PodSpecInfo, VolumeInfo } from '../../model/inventory';
import { projectContainer } from './container';
import { EMPTY_ARRAY, eqContainers, eqTolerations, eqVolumes, type Interner } from './intern';
import { projectPodSecurityContext } from './security-context';

export function projectVolume(v: V1Volume): VolumeInfo {
  const out: VolumeInfo = { name: v.name ?? '' };
  if (v.hostPath) {
    const hp: NonNullable<VolumeInfo['hostPath']> = { path: v.hostPath.path ?? '' };
    if (v.hostPath.type) hp.type = v.hostPath.type;
    out.hostPath = hp;
  }
  if (v.secret) out.secretName = v.secret.secretName ?? '';
  if (v.configMap) out.configMapName = v.configMap.name ?? '';
  const sources = v.projected?.sources;
  if (Array.isArray(sources) && sources.some((s) => s.serviceAccountToken)) out.projectedServiceAccountToken = true;
  if (v.emptyDir) out.emptyDir = true;
  if (v.persistentVolumeClaim?.claimName !== undefined) out.persistentVolumeClaim = v.persistentVolumeClaim.claimName;
  return out;
}

function containers(list: readonly V1Container[] | undefined | null, ix: Interner | undefined): ContainerInfo[] {
  if (!Array.isArray(list) || list.length === 0) return ix ? EMPTY_ARRAY : [];
  const out: ContainerInfo[] = new Array(list.length);
  for (let i = 0; i < list.length; i++) out[i] = projectContainer(list[i] as V1Container, ix);
  if (!ix) return out;
  const first = out[0] as ContainerInfo;
  return ix.share(`C\0${out.length}\0${first.name}\0${first.image}`, out, eqContainers);
}

function volumes(list: readonly V1Volume[] | undefined | null, ix: Interner | undefined): VolumeInfo[] {
  if (!Array.isArray(list) || list.length === 0) return ix ? EMPTY_ARRAY : [];
  const out: VolumeInfo[] = new Array(list.length);
  for (let i = 0; i < list.length; i++) out[i] = projectVolume(list[i] as V1Volume);
  if (!ix) return out;
  const first = out[0] as VolumeInfo;
  return ix.share(`V\0${out.length}\0${first.name}\0${first.configMapName ?? first.secretName ?? ''}`, out, eqVolumes);
}

type Toleration = NonNullable<PodSpecInfo['tolerations']>[number];

function tolerations(list: V1PodSpec['tolerations'], ix: Interner | undefined): Toleration[] {
  const out: Toleration[] = new Array(list?.length ?? 0);
  for (let i = 0; i < out.length; i++) {
    const t = (list as NonNullable<V1PodSpec['tolerations']>)[i] as NonNullable<V1PodSpec['tolerations']>[number];
    const o: Toleration = {};
    if (t.key !== undefined) o.key = t.key;
    if (t.operator !== undefined) o.operator = t.operator;
    if (t.effect !== undefined) o.effect = t.effect;
    out[i] = o;
  }
  if (!ix) return out;
  if (out.length === 0) return EMPTY_ARRAY;
  return ix.share(`T\0${out.length}\0${out[0]?.key ?? ''}`, out, eqTolerations);
}

export function projectPodSpec(spec: V1PodSpec | undefined, ix?: Interner): PodSpecInfo {
  const s = spec;
  const out = {} as PodSpecInfo;
  if (s?.nodeName) out.nodeName = ix ? ix.str(s.nodeName) : s.nodeName;
  // `serviceAccount` is the deprecated alias still filled in by the API server.
  const sa = s?.serviceAccountName || s?.serviceAccount;
  if (sa) out.serviceAccountName = ix ? ix.str(sa) : sa;
  if (s?.automountServiceAccountToken !== undefined) out.automountServiceAccountToken = s.automountServiceAccountToken;
  if (s?.hostNetwork !== undefined) out.hostNetwork = s.hostNetwork;
  if (s?.hostPID !== undefined) out.hostPID = s.hostPID;
  if (s?.hostIPC !== undefined) out.hostIPC = s.hostIPC;
  if (s?.runtimeClassName) out.runtimeClassName = s.runtimeClassName;
  if (s?.priorityClassName) out.priorityClassName = ix ? ix.str(s.priorityClassName) : s.priorityClassName;
  const psc = projectPodSecurityContext(s?.securityContext);
  if (psc) out.securityContext = ix ? ix.share('P', psc) : psc;
  out.volumes = volumes(s?.volumes, ix);
  out.containers = containers(s?.containers, ix);
  out.initContainers = containers(s?.initContainers, ix);
  out.ephemeralContainers = containers(s?.ephemeralContainers as V1Container[] | undefined, ix);
  if (s?.tolerations) out.tolerations = tolerations(s.tolerations, ix);
  return out;
}
