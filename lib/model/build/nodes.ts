/** Node components and their per-node sub-components: kubelet, container runtime, kube-proxy. */
import type { Component } from '../architecture';
import { nodeId, nodeSubId } from '../ids';
import type { Inventory, NodeInfo } from '../inventory';
import type { KubeProxyView } from './kube-proxy';
import { facts, ref, versionFromImage } from './util';

/** Labels naming a node pool, most specific first. */
const POOL_LABELS = [
  'eks.amazonaws.com/nodegroup',
  'alpha.eksctl.io/nodegroup-name',
  'cloud.google.com/gke-nodepool',
  'kubernetes.azure.com/agentpool',
  'agentpool',
  'karpenter.sh/nodepool',
  'karpenter.sh/provisioner-name',
  'kops.k8s.io/instancegroup',
  'doks.digitalocean.com/node-pool',
  'node.kubernetes.io/pool',
  'nodepool',
  'node-pool',
  'pool',
];

const ZONE_LABELS = ['topology.kubernetes.io/zone', 'failure-domain.beta.kubernetes.io/zone'];

export interface NodeView {
  node: NodeInfo;
  name: string;
  /** Role names from `node-role.kubernetes.io/<role>` (and legacy `kubernetes.io/role`). */
  roles: string[];
  role: 'control-plane' | 'worker';
  pool?: string;
  zone?: string;
  kubeProxy?: KubeProxyView;
}

export function nodeRoles(labels: Record<string, string>): string[] {
  const roles = new Set<string>();
  for (const key of Object.keys(labels)) {
    if (key.startsWith('node-role.kubernetes.io/')) {
      const r = key.slice('node-role.kubernetes.io/'.length);
      if (r) roles.add(r);
    }
  }
  const legacy = labels['kubernetes.io/role'];
  if (legacy) roles.add(legacy);
  return [...roles].sort();
}

export function firstLabel(labels: Record<string, string>, keys: readonly string[]): string | undefined {
  for (const k of keys) if (labels[k]) return labels[k];
  return undefined;
}

/** `containerd://2.1.4` → { name: containerd, version: 2.1.4 }. */
export function splitRuntime(value: string | undefined): { name?: string; version?: string } {
  if (!value) return {};
  const i = value.indexOf('://');
  return i < 0 ? { name: value } : { name: value.slice(0, i), version: value.slice(i + 3) || undefined };
}

/** `hostsControlPlane`: the node runs a control-plane pod, even if unlabelled. */
export function nodeView(node: NodeInfo, hostsControlPlane: boolean, kubeProxy: KubeProxyView | undefined): NodeView {
  const labels = node.meta.labels;
  const roles = nodeRoles(labels);
  const cp = hostsControlPlane || roles.includes('control-plane') || roles.includes('master');
  const v: NodeView = { node, name: node.meta.name, roles, role: cp ? 'control-plane' : 'worker' };
  const pool = firstLabel(labels, POOL_LABELS);
  const zone = firstLabel(labels, ZONE_LABELS);
  if (pool) v.pool = pool;
  if (zone) v.zone = zone;
  if (kubeProxy) v.kubeProxy = kubeProxy;
  return v;
}

function readyFact(node: NodeInfo): boolean | undefined {
  const c = node.conditions.find((x) => x.type === 'Ready');
  return c ? c.status === 'True' : undefined;
}

export function nodeComponents(v: NodeView, inv: Inventory, podCount: number): Component[] {
  const { node, name } = v;
  const ni = node.nodeInfo;
  const runtime = splitRuntime(ni.containerRuntimeVersion);
  const id = nodeId(name);
  const nodeRef = ref('Node', node.meta);
  const out: Component[] = [];
  const base = (c: Omit<Component, 'nodeName' | 'layer' | 'objects'>): Component => ({
    ...c,
    layer: 'nodes',
    nodeName: name,
    objects: [nodeRef],
  });
  out.push(
    base({
      id,
      type: 'node',
      name,
      ...(ni.kubeletVersion ? { version: ni.kubeletVersion } : {}),
      facts: facts({
        role: v.roles.length > 0 ? v.roles.join(',') : v.role,
        zone: v.zone,
        pool: v.pool,
        kubeletVersion: ni.kubeletVersion,
        runtime: runtime.name,
        runtimeVersion: runtime.version,
        osImage: ni.osImage,
        kernelVersion: ni.kernelVersion,
        os: ni.operatingSystem,
        architecture: ni.architecture,
        cpu: node.capacity['cpu'],
        memory: node.capacity['memory'],
        maxPods: node.capacity['pods'],
        pods: podCount,
        ready: readyFact(node),
        unschedulable: node.unschedulable || undefined,
        providerID: node.providerID,
      }),
    }),
  );
  out.push(
    base({
      id: nodeSubId(name, 'kubelet'),
      type: 'kubelet',
      name: 'kubelet',
      parentId: id,
      ...(ni.kubeletVersion ? { version: ni.kubeletVersion } : {}),
      facts: facts({ port: node.kubeletPort, configz: inv.kubeletConfigs ? name in inv.kubeletConfigs : undefined }),
    }),
  );
  out.push(
    base({
      id: nodeSubId(name, 'container-runtime'),
      type: 'container-runtime',
      name: runtime.name ?? 'container runtime',
      parentId: id,
      ...(runtime.version ? { version: runtime.version } : {}),
      facts: facts({ runtime: runtime.name, runtimeVersion: runtime.version }),
    }),
  );
  const kp = v.kubeProxy;
  if (kp) {
    const image = kp.container?.image;
    const version = (image ? versionFromImage(image) : undefined) ?? ni.kubeProxyVersion;
    out.push({
      id: nodeSubId(name, 'kube-proxy'),
      type: 'kube-proxy',
      name: 'kube-proxy',
      layer: 'nodes',
      parentId: id,
      nodeName: name,
      ...(version ? { version } : {}),
      flags: kp.flags,
      facts: facts({ mode: kp.mode, modeSource: kp.modeSource, image, inferredFromDaemonSet: kp.inferred || undefined }),
      objects: [kp.source],
    });
  }
  return out;
}
