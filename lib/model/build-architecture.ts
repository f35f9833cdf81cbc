/**
 * buildArchitecture(inv): the cluster's components and the connections between them, derived
 * purely from the Inventory. Deterministic: inputs are sorted first and the output is sorted by
 * id, so the same cluster always yields byte-identical JSON (stable diagrams, clean snapshot diffs).
 *
 * The pieces live in ./build: control-plane pods (control-plane.ts), external etcd (etcd.ts),
 * managed-provider detection (provider.ts), nodes and kube-proxy (nodes.ts, kube-proxy.ts),
 * add-ons (addons.ts), node groups (node-groups.ts) and edges (*-edges.ts).
 */
import type { Architecture, Component } from './architecture';
import { addonComponents } from './build/addons';
import { type CpInstance, controlPlaneComponent, findControlPlane } from './build/control-plane';
import { clientEdges, controllerEdges, etcdEdges } from './build/control-plane-edges';
import type { ApiTarget } from './build/edge';
import { externalEtcd } from './build/etcd';
import { indexKubeProxy } from './build/kube-proxy';
import { PER_NODE_EDGE_LIMIT, groupedNodeEdges, perNodeEdges } from './build/node-edges';
import { groupNodes } from './build/node-groups';
import { type NodeView, nodeComponents, nodeView } from './build/nodes';
import { type ProviderGuess, detectProvider, podVisibilityNote } from './build/provider';
import { canonicalComponent, compareStrings, facts, metaKey, sortBy } from './build/util';
import { CLIENTS_ID, CLUSTER_ID, PROVIDER_MANAGED_ID } from './ids';
import type { Inventory } from './inventory';

export { PER_NODE_EDGE_LIMIT };

function clientsComponent(inv: Inventory): Component {
  return {
    id: CLIENTS_ID,
    type: 'clients',
    name: 'API clients',
    layer: 'clients',
    facts: facts({
      context: inv.cluster.context,
      server: inv.cluster.server,
      inCluster: inv.cluster.inCluster,
      tlsProtocol: inv.tls?.protocol,
      anonymousVersionStatus: inv.anonymous?.versionStatus,
    }),
    objects: [],
  };
}

/** The whole cluster: where cluster-wide findings (RBAC, namespaces, workloads) attach. */
function clusterComponent(inv: Inventory, provider: string | undefined): Component {
  const c: Component = {
    id: CLUSTER_ID,
    type: 'cluster',
    name: inv.cluster.context || 'cluster',
    layer: 'control-plane',
    facts: facts({
      server: inv.cluster.server,
      provider,
      nodes: inv.nodes.length,
      namespaces: inv.namespaces.length,
      pods: inv.pods.length,
      workloads: inv.workloads.length,
    }),
    objects: [],
  };
  if (inv.version?.gitVersion) c.version = inv.version.gitVersion;
  return c;
}

function providerComponent(inv: Inventory, guess: ProviderGuess, note: string | undefined): Component {
  const c: Component = {
    id: PROVIDER_MANAGED_ID,
    type: 'provider-managed',
    name: guess.provider === 'unknown' ? 'Control plane (not visible)' : `${guess.provider} control plane`,
    layer: 'control-plane',
    facts: facts({ provider: guess.provider, evidence: guess.evidence, endpoint: inv.cluster.server, visibility: note }),
    objects: [],
  };
  if (inv.version?.gitVersion) c.version = inv.version.gitVersion;
  return c;
}

function podsPerNode(inv: Inventory): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of inv.pods) {
    const n = p.spec.nodeName;
    if (n) out.set(n, (out.get(n) ?? 0) + 1);
  }
  return out;
}

export function buildArchitecture(inv: Inventory): Architecture {
  const pods = sortBy(inv.pods, (p) => metaKey(p.meta));
  const workloads = sortBy(inv.workloads, (w) => `${metaKey(w.meta)}/${w.kind}`);
  const nodes = sortBy(inv.nodes, (n) => n.meta.name);

  const cp = findControlPlane(pods, workloads);
  const apis = cp.filter((i) => i.type === 'kube-apiserver');
  const stackedEtcd = cp.filter((i) => i.type === 'etcd');
  const controlPlane: Architecture['controlPlane'] = { managed: apis.length === 0 };
  const components: Component[] = [clientsComponent(inv), ...cp.map((i) => controlPlaneComponent(i, inv))];

  const ext = stackedEtcd.length === 0 ? externalEtcd(apis) : undefined;
  if (ext && ext.endpoints.length > 0) {
    controlPlane.externalEtcd = ext.endpoints;
    components.push(...ext.components);
  }

  // No API server pod visible: the provider-managed block stands for the API server.
  let targets: ApiTarget[] = apis.map((inst) => ({ id: inst.id, inst }));
  if (controlPlane.managed) {
    const guess = detectProvider(inv, nodes);
    const note = podVisibilityNote(inv);
    controlPlane.provider = guess.provider;
    controlPlane.providerEvidence = note ? `${guess.evidence}; ${note}` : guess.evidence;
    components.push(providerComponent(inv, guess, note));
    targets = [{ id: PROVIDER_MANAGED_ID }];
  }
  components.push(clusterComponent(inv, controlPlane.provider));

  const cpNodes = new Set(cp.flatMap((i) => (i.nodeName ? [i.nodeName] : [])));
  const kubeProxy = indexKubeProxy(inv, pods, workloads);
  const podCounts = podsPerNode(inv);
  const views = nodes.map((n) => nodeView(n, cpNodes.has(n.meta.name), kubeProxy.forNode(n)));
  for (const v of views) components.push(...nodeComponents(v, inv, podCounts.get(v.name) ?? 0));
  const { groups } = groupNodes(views);

  components.push(...addonComponents(workloads, modelledWorkloads(cp, views)));

  const nodeByName = new Map(nodes.map((n) => [n.meta.name, n]));
  const edges = [
    ...clientEdges(inv, CLIENTS_ID, targets),
    ...etcdEdges(apis, stackedEtcd, (ext?.endpoints.length ?? 0) > 0, nodeByName),
    ...controllerEdges(cp, targets),
    ...(views.length > PER_NODE_EDGE_LIMIT ? groupedNodeEdges(views, groups, targets, inv) : perNodeEdges(views, targets, inv)),
  ];

  return {
    controlPlane,
    components: components.map(canonicalComponent).sort((a, b) => compareStrings(a.id, b.id)),
    edges: edges.sort((a, b) => compareStrings(a.id, b.id)),
    nodeGroups: groups,
  };
}

/** Workloads already drawn as something else (CCM, kube-proxy), so they are not add-ons too. */
function modelledWorkloads(cp: readonly CpInstance[], views: readonly NodeView[]): Set<string> {
  const out = new Set<string>();
  for (const i of cp) if (i.workload) out.add(metaKey(i.workload.meta));
  for (const v of views) {
    const s = v.kubeProxy?.source;
    if (s && s.kind === 'DaemonSet') out.add(`${s.namespace ?? ''}/${s.name}`);
  }
  return out;
}
