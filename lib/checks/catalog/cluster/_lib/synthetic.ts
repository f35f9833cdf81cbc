/**
 * A synthetic cluster of any size, built directly as an Inventory (no YAML, no projection), for
 * the scale test and ad-hoc benchmarks: N namespaces of Deployments with ReplicaSet-owned pods,
 * a default-deny and a per-app policy per namespace, and a RoleBinding per namespace.
 */
import { FIXTURE_CLUSTER } from '../../../../model/from-objects';
import { type ContainerInfo, type Inventory, type ObjectMeta, type PodSpecInfo, emptyInventory } from '../../../../model/inventory';

export interface SyntheticSize {
  namespaces: number;
  deploymentsPerNamespace: number;
  podsPerDeployment: number;
  nodes: number;
}

const meta = (name: string, namespace?: string, extra: Partial<ObjectMeta> = {}): ObjectMeta => ({
  name,
  ...(namespace ? { namespace } : {}),
  labels: {},
  annotations: {},
  ...extra,
});

function container(i: number): ContainerInfo {
  return {
    name: 'app',
    image: `registry.example.com/app-${i % 50}:1.${i % 7}`,
    ports: [{ containerPort: 8080 }],
    env: [{ name: 'LOG_LEVEL', source: 'literal' }],
    envFromSecrets: [],
    securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: i % 3 === 0, capabilities: { drop: ['ALL'] } },
    resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } },
    volumeMounts: [],
  };
}

export function syntheticInventory(size: SyntheticSize): Inventory {
  const inv = emptyInventory(FIXTURE_CLUSTER);
  for (let n = 0; n < size.nodes; n++)
    inv.nodes.push({ meta: meta(`node-${n}`), providerID: `aws:///us-east-1a/i-${n}`, taints: [], addresses: [], nodeInfo: {}, capacity: {}, allocatable: {}, conditions: [] });
  let k = 0;
  for (let s = 0; s < size.namespaces; s++) {
    const ns = `team-${s}`;
    inv.namespaces.push({ meta: meta(ns, undefined, { labels: s % 2 ? { 'pod-security.kubernetes.io/enforce': 'baseline' } : {} }) });
    inv.serviceAccounts.push({ meta: meta('default', ns), secretNames: [] });
    inv.networkPolicies.push({ meta: meta('default-deny', ns), podSelector: {}, policyTypes: ['Ingress', 'Egress'], ingress: [], egress: [] });
    inv.roleBindings.push({ kind: 'RoleBinding', meta: meta('team-edit', ns), roleRef: { kind: 'ClusterRole', name: 'edit' }, subjects: [{ kind: 'Group', name: `team-${s}` }] });
    for (let d = 0; d < size.deploymentsPerNamespace; d++, k++) {
      const name = `app-${d}`;
      const labels = { app: name, tier: d % 2 ? 'backend' : 'frontend' };
      const spec: PodSpecInfo = { serviceAccountName: name, volumes: [], containers: [container(k)], initContainers: [], ephemeralContainers: [] };
      inv.workloads.push({ kind: 'Deployment', meta: meta(name, ns), replicas: size.podsPerDeployment, template: { meta: { labels, annotations: {} }, spec } });
      inv.workloads.push({ kind: 'ReplicaSet', meta: meta(`${name}-7c9d`, ns, { ownerReferences: [{ kind: 'Deployment', name, controller: true }] }), template: { meta: { labels, annotations: {} }, spec } });
      if (d % 3 === 0)
        inv.networkPolicies.push({
          meta: meta(`${name}-in`, ns),
          podSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: [name] }] },
          policyTypes: ['Ingress'],
          ingress: [{ from: [{ podSelector: { matchLabels: { tier: 'frontend' } } }], ports: [] }],
          egress: [],
        });
      for (let p = 0; p < size.podsPerDeployment; p++) {
        inv.pods.push({
          meta: meta(`${name}-7c9d-${p}`, ns, { labels, ownerReferences: [{ kind: 'ReplicaSet', name: `${name}-7c9d`, controller: true }] }),
          spec: { ...spec, nodeName: `node-${(k * size.podsPerDeployment + p) % size.nodes}` },
          status: { phase: 'Running' },
        });
      }
    }
  }
  inv.roles.push({ kind: 'ClusterRole', meta: meta('edit', undefined, { labels: { 'kubernetes.io/bootstrapping': 'rbac-defaults' } }), rules: [{ apiGroups: ['', 'apps'], resources: ['pods', 'deployments', 'secrets'], verbs: ['get', 'list', 'create', 'update'] }] });
  return inv;
}
