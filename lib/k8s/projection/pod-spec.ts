/** PodSpec projection, shared by Pods and workload templates. */
import type { V1Container, V1PodSpec, V1Volume } from '@kubernetes/client-node';
import type { ContainerInfo, PodSpecInfo, VolumeInfo } from '../../model/inventory';
import { projectContainer, type VolumeRename } from './container';
import { EMPTY_ARRAY, eqContainers, eqTolerations, eqVolumes, type Interner } from './intern';
import { projectPodSecurityContext } from './security-context';

/**
 * The ServiceAccount admission plugin injects the token as a projected volume named
 * `kube-api-access-<5 random characters>`, different in every pod, and mounts it in every
 * container. The suffix says nothing; it would only make each pod's containers look different
 * from its siblings', so the volume (and its mounts) is projected as `kube-api-access`.
 */
export const TOKEN_VOLUME = 'kube-api-access';
const INJECTED_TOKEN_VOLUME = /^kube-api-access-[a-z0-9]{5}$/;

function tokenVolumeRename(volumes: readonly V1Volume[] | undefined | null): VolumeRename | undefined {
  if (!Array.isArray(volumes)) return undefined;
  for (const v of volumes) {
    if (typeof v.name === 'string' && INJECTED_TOKEN_VOLUME.test(v.name) && v.projected?.sources?.some((src: { serviceAccountToken?: unknown }) => src.serviceAccountToken)) {
      // Only when the canonical name is free (it always is for injected volumes).
      if (volumes.some((o) => o.name === TOKEN_VOLUME)) return undefined;
      return { from: v.name, to: TOKEN_VOLUME };
    }
  }
  return undefined;
}

export function projectVolume(v: V1Volume, rename?: VolumeRename): VolumeInfo {
  const out: VolumeInfo = { name: rename && v.name === rename.from ? rename.to : (v.name ?? '') };
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

function containers(list: readonly V1Container[] | undefined | null, ix: Interner | undefined, rename: VolumeRename | undefined): ContainerInfo[] {
  if (!Array.isArray(list) || list.length === 0) return ix ? EMPTY_ARRAY : [];
  const out: ContainerInfo[] = new Array(list.length);
  for (let i = 0; i < list.length; i++) out[i] = projectContainer(list[i] as V1Container, ix, rename);
  if (!ix) return out;
  const first = out[0] as ContainerInfo;
  return ix.share(`C\0${out.length}\0${first.name}\0${first.image}`, out, eqContainers);
}

function volumes(list: readonly V1Volume[] | undefined | null, ix: Interner | undefined, rename: VolumeRename | undefined): VolumeInfo[] {
  if (!Array.isArray(list) || list.length === 0) return ix ? EMPTY_ARRAY : [];
  const out: VolumeInfo[] = new Array(list.length);
  for (let i = 0; i < list.length; i++) out[i] = projectVolume(list[i] as V1Volume, rename);
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
  const rename = tokenVolumeRename(s?.volumes);
  out.volumes = volumes(s?.volumes, ix, rename);
  out.containers = containers(s?.containers, ix, rename);
  out.initContainers = containers(s?.initContainers, ix, rename);
  out.ephemeralContainers = containers(s?.ephemeralContainers as V1Container[] | undefined, ix, rename);
  if (s?.tolerations) out.tolerations = tolerations(s.tolerations, ix);
  return out;
}
