/**
 * A synthetic Architecture of any size, shaped like the real model's output (same ids, same edge
 * pattern per node), for layout tests and benchmarks at 5,000 nodes without a cluster.
 */
import type { Architecture, Component, Edge, NodeGroup } from '../model/architecture';
import { CLIENTS_ID, CLUSTER_ID, addonId, controlPlaneId, nodeGroupId, nodeId, nodeSubId } from '../model/ids';

export interface SyntheticOptions {
  nodes: number;
  controlPlanes?: number;
  pools?: number;
  zones?: number;
}

function component(id: string, type: Component['type'], name: string, layer: Component['layer'], extra: Partial<Component> = {}): Component {
  return { id, type, name, layer, facts: {}, objects: [], ...extra };
}

function edge(from: string, to: string, kind: Edge['kind'], tls: Edge['tls'], auth: Edge['auth']): Edge {
  return { id: `${from}->${to}:${kind}`, from, to, kind, label: kind, tls, auth, evidence: [] };
}

export function syntheticArchitecture({ nodes, controlPlanes = 3, pools = 4, zones = 3 }: SyntheticOptions): Architecture {
  const components: Component[] = [
    component(CLIENTS_ID, 'clients', 'API clients', 'clients'),
    component(CLUSTER_ID, 'cluster', 'synthetic', 'control-plane'),
  ];
  const edges: Edge[] = [];
  const cps: string[] = [];
  for (let i = 1; i <= controlPlanes; i++) {
    const node = `cp-${i}`;
    const api = controlPlaneId('kube-apiserver', node);
    cps.push(api);
    for (const type of ['kube-apiserver', 'etcd', 'kube-scheduler', 'kube-controller-manager'] as const) {
      components.push(component(controlPlaneId(type, node), type, `${type} (${node})`, 'control-plane', { nodeName: node }));
    }
    edges.push(edge(CLIENTS_ID, api, 'client', 'verified', 'client-cert'));
    edges.push(edge(api, controlPlaneId('etcd', node), 'storage', 'verified', 'client-cert'));
    edges.push(edge(controlPlaneId('kube-scheduler', node), api, 'api', 'verified', 'client-cert'));
    edges.push(edge(controlPlaneId('kube-controller-manager', node), api, 'api', 'verified', 'client-cert'));
  }

  const groups = new Map<string, NodeGroup>();
  for (let i = 0; i < nodes; i++) {
    const name = `node-${String(i).padStart(5, '0')}`;
    const pool = `pool-${i % pools}`;
    const zone = `zone-${Math.floor(i / pools) % zones}`;
    const gid = nodeGroupId('worker', pool, zone);
    let g = groups.get(gid);
    if (!g) {
      g = { id: gid, label: `pool: ${pool} / zone: ${zone}`, role: 'worker', pool, zone, nodeNames: [] };
      groups.set(gid, g);
    }
    g.nodeNames.push(name);
    const id = nodeId(name);
    components.push(component(id, 'node', name, 'nodes', { nodeName: name }));
    for (const sub of ['kubelet', 'kube-proxy', 'container-runtime'] as const) {
      components.push(component(nodeSubId(name, sub), sub, sub === 'container-runtime' ? 'containerd' : sub, 'nodes', { parentId: id, nodeName: name }));
    }
    const api = cps[i % cps.length] ?? CLIENTS_ID;
    edges.push(edge(nodeSubId(name, 'kubelet'), api, 'api', 'verified', 'client-cert'));
    edges.push(edge(nodeSubId(name, 'kube-proxy'), api, 'api', 'verified', 'token'));
    edges.push(edge(api, nodeSubId(name, 'kubelet'), 'kubelet-api', i % 7 === 0 ? 'unverified' : 'verified', 'client-cert'));
    edges.push(edge(nodeSubId(name, 'kubelet'), nodeSubId(name, 'container-runtime'), 'runtime', 'none', 'none'));
  }
  for (const name of ['coredns', 'calico-node', 'metrics-server', 'ingress-nginx-controller']) {
    components.push(component(addonId(name), name === 'coredns' ? 'dns' : name === 'calico-node' ? 'cni' : name === 'metrics-server' ? 'metrics-server' : 'ingress-controller', name, 'addons'));
  }
  return { controlPlane: { managed: false }, components, edges, nodeGroups: [...groups.values()] };
}
