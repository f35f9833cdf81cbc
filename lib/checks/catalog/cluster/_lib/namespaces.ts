/**
 * Per-namespace indexes (quotas, limit ranges, network policies) and the list of namespaces a
 * namespace-level check reports on: the Namespace objects, or, if those could not be listed, the
 * namespaces seen on workloads.
 */
import type { Inventory, LimitRangeInfo, NetworkPolicyInfo, ResourceQuotaInfo } from '../../../../model/inventory';
import { memoByInventory, pushTo } from './memo';
import { workloadIndex } from './workloads';

export interface ContainerDefaults {
  cpuLimit: boolean;
  memoryLimit: boolean;
  cpuRequest: boolean;
  memoryRequest: boolean;
}

export interface NamespaceIndex {
  names: string[];
  quotas: Map<string, ResourceQuotaInfo[]>;
  limitRanges: Map<string, LimitRangeInfo[]>;
  policies: Map<string, NetworkPolicyInfo[]>;
  labels: Map<string, Record<string, string>>;
}

export const namespaceIndex = memoByInventory((inv: Inventory): NamespaceIndex => {
  const names = new Set(inv.namespaces.map((n) => n.meta.name));
  if (names.size === 0) for (const ns of workloadIndex(inv).byNamespace.keys()) names.add(ns);
  const quotas = new Map<string, ResourceQuotaInfo[]>();
  for (const q of inv.resourceQuotas) pushTo(quotas, q.meta.namespace ?? '', q);
  const limitRanges = new Map<string, LimitRangeInfo[]>();
  for (const l of inv.limitRanges) pushTo(limitRanges, l.meta.namespace ?? '', l);
  const policies = new Map<string, NetworkPolicyInfo[]>();
  for (const p of inv.networkPolicies) pushTo(policies, p.meta.namespace ?? '', p);
  const labels = new Map<string, Record<string, string>>();
  for (const n of inv.namespaces) labels.set(n.meta.name, { 'kubernetes.io/metadata.name': n.meta.name, ...n.meta.labels });
  return { names: [...names].sort(), quotas, limitRanges, policies, labels };
});

/** Container defaults a LimitRange sets: `default` fills limits (and requests), `defaultRequest` requests. */
export function containerDefaults(limits: LimitRangeInfo['limits']): ContainerDefaults {
  const c = limits.filter((l) => l.type === 'Container');
  const has = (field: 'default' | 'defaultRequest', res: string) => c.some((l) => l[field]?.[res] !== undefined);
  return {
    cpuLimit: has('default', 'cpu'),
    memoryLimit: has('default', 'memory'),
    cpuRequest: has('default', 'cpu') || has('defaultRequest', 'cpu'),
    memoryRequest: has('default', 'memory') || has('defaultRequest', 'memory'),
  };
}
