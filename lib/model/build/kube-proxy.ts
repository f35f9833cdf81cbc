/**
 * kube-proxy per node: present when a kube-proxy pod runs on the node, or, when no kube-proxy
 * pod is visible at all, inferred from a kube-proxy DaemonSet (on Linux nodes; the projected
 * pod template has no nodeSelector to match). Clusters without it (e.g. Cilium's kube-proxy
 * replacement) get none.
 */
import type { ObjectRef } from '../architecture';
import { type Flags, parseFlags } from '../flags';
import type { ContainerInfo, Inventory, NodeInfo, PodInfo, WorkloadInfo } from '../inventory';
import { argv, executable, ref, refText } from './util';

export interface KubeProxyView {
  source: ObjectRef;
  container?: ContainerInfo;
  flags: Flags;
  mode: string;
  /** Where the mode was read, for the drill-down. */
  modeSource: string;
  /** True when presence comes from the DaemonSet, not a pod on the node. */
  inferred: boolean;
  /** A static (mirror) pod: it has no service-account credentials. */
  staticPod: boolean;
}

function isKubeProxy(labels: Record<string, string>, containers: readonly ContainerInfo[]): boolean {
  return (
    labels['k8s-app'] === 'kube-proxy' ||
    labels['component'] === 'kube-proxy' ||
    containers.some((c) => executable(c) === 'kube-proxy')
  );
}

/** Top-level `mode:` of a KubeProxyConfiguration (a line scan is enough for this one key). */
export function configuredMode(config: string | undefined): string | undefined {
  const m = config ? /^mode:[ \t]*["']?([A-Za-z]*)["']?[ \t]*(#.*)?$/m.exec(config) : null;
  return m?.[1] || undefined;
}

export function proxyMode(flags: Flags, inv: Inventory, source: ObjectRef): { mode: string; modeSource: string } {
  const cm = configuredMode(inv.configMaps.kubeProxyConfiguration);
  const flag = flags['proxy-mode'];
  // With --config, kube-proxy takes its settings from the file (kubeadm: the kube-proxy ConfigMap).
  if (flag && !(flags['config'] && cm)) return { mode: flag, modeSource: `${refText(source)} · --proxy-mode` };
  if (cm) return { mode: cm, modeSource: 'ConfigMap kube-system/kube-proxy config.conf mode' };
  return { mode: 'iptables', modeSource: 'default (no --proxy-mode, no mode in the kube-proxy ConfigMap)' };
}

export interface KubeProxyIndex {
  forNode(node: NodeInfo): KubeProxyView | undefined;
}

/** `pods` and `workloads` pre-sorted, so the pod picked for a node is stable. */
export function indexKubeProxy(inv: Inventory, pods: readonly PodInfo[], workloads: readonly WorkloadInfo[]): KubeProxyIndex {
  const byNode = new Map<string, PodInfo>();
  for (const p of pods) {
    if (p.meta.namespace !== 'kube-system' || !p.spec.nodeName || byNode.has(p.spec.nodeName)) continue;
    if (isKubeProxy(p.meta.labels, p.spec.containers)) byNode.set(p.spec.nodeName, p);
  }
  const ds = workloads.find(
    (w) =>
      w.kind === 'DaemonSet' &&
      w.meta.namespace === 'kube-system' &&
      (w.meta.name === 'kube-proxy' || isKubeProxy(w.template.meta.labels, w.template.spec.containers)),
  );
  const view = (source: ObjectRef, containers: readonly ContainerInfo[], pod?: PodInfo): KubeProxyView => {
    const container = containers.find((c) => executable(c) === 'kube-proxy') ?? containers[0];
    const flags = parseFlags(argv(container));
    const staticPod = pod !== undefined && 'kubernetes.io/config.mirror' in pod.meta.annotations;
    const v: KubeProxyView = { source, flags, inferred: pod === undefined, staticPod, ...proxyMode(flags, inv, source) };
    if (container) v.container = container;
    return v;
  };
  const dsView = ds && byNode.size === 0 ? view(ref('DaemonSet', ds.meta), ds.template.spec.containers) : undefined;
  return {
    forNode(node) {
      const pod = byNode.get(node.meta.name);
      if (pod) return view(ref('Pod', pod.meta), pod.spec.containers, pod);
      const os = node.nodeInfo.operatingSystem ?? node.meta.labels['kubernetes.io/os'];
      return dsView && os !== 'windows' ? dsView : undefined;
    },
  };
}
