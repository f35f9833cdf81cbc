/**
 * hostPath classification. A path is dangerous when it is, contains, or sits inside a place that
 * gives control of the node: mounting `/var` exposes `/var/lib/kubelet` just as much as mounting
 * the kubelet directory itself.
 */
import type { PodSpecInfo } from '../../../../model/inventory';

export const SENSITIVE_HOST_PATHS = [
  '/etc',
  '/proc',
  '/sys',
  '/dev',
  '/boot',
  '/root',
  '/home',
  '/var/lib/kubelet',
  '/etc/kubernetes',
  '/var/lib/etcd',
  '/var/lib/docker',
  '/var/lib/containerd',
  '/var/log',
  '/run',
  '/var/run',
] as const;

export const RUNTIME_SOCKETS = [
  '/var/run/docker.sock',
  '/run/docker.sock',
  '/run/containerd/containerd.sock',
  '/var/run/containerd/containerd.sock',
  '/run/k3s/containerd/containerd.sock',
  '/var/run/crio/crio.sock',
  '/run/crio/crio.sock',
  '/var/run/cri-dockerd.sock',
  '/run/cri-dockerd.sock',
] as const;

export function normPath(p: string): string {
  const collapsed = p.replace(/\/+/g, '/');
  return collapsed.length > 1 ? collapsed.replace(/\/$/, '') : collapsed;
}

/** Is `path` equal to `target`, above it, or below it? */
function overlaps(path: string, target: string): boolean {
  return path === target || path.startsWith(`${target}/`) || target.startsWith(`${path}/`);
}

export function isSensitivePath(path: string): boolean {
  const p = normPath(path);
  return p === '/' || SENSITIVE_HOST_PATHS.some((s) => overlaps(p, s));
}

/** The runtime socket a hostPath exposes (the socket itself or a directory holding it). */
export function runtimeSocketIn(path: string): string | undefined {
  const p = normPath(path);
  return RUNTIME_SOCKETS.find((s) => p === '/' || p === s || s.startsWith(`${p}/`));
}

export interface HostPathUse {
  volume: string;
  path: string;
  volumeIndex: number;
  /** Containers (by path) mounting it without readOnly: true. */
  writableBy: string[];
  mountedBy: string[];
}

const NO_USES: readonly HostPathUse[] = Object.freeze([]);

/** hostPath volumes and who mounts them; most specs have none, and get a shared empty list. */
export function hostPathUses(spec: PodSpecInfo): readonly HostPathUse[] {
  let out: HostPathUse[] | undefined;
  const volumes = spec.volumes;
  for (let i = 0; i < volumes.length; i++) {
    const v = volumes[i] as PodSpecInfo['volumes'][number];
    if (!v.hostPath) continue;
    const writableBy: string[] = [];
    const mountedBy: string[] = [];
    for (const list of [spec.containers, spec.initContainers, spec.ephemeralContainers])
      for (const c of list)
        for (const m of c.volumeMounts) {
          if (m.name !== v.name) continue;
          mountedBy.push(c.name);
          if (m.readOnly !== true) writableBy.push(c.name);
        }
    (out ??= []).push({ volume: v.name, path: v.hostPath.path, volumeIndex: i, writableBy, mountedBy });
  }
  return out ?? NO_USES;
}
