/**
 * Stable component ids. Everything that refers to a component (URLs, findings, overlays, snapshot
 * diffs) uses these, so they must not depend on anything that changes between scans.
 */
import type { ComponentType } from './architecture';

export type ControlPlaneType =
  | 'kube-apiserver'
  | 'etcd'
  | 'kube-scheduler'
  | 'kube-controller-manager'
  | 'cloud-controller-manager';

export type NodeSubType = 'kubelet' | 'kube-proxy' | 'container-runtime';

export const CLIENTS_ID = 'clients';
export const CLUSTER_ID = 'cluster';
export const PROVIDER_MANAGED_ID = 'control-plane/provider-managed';

/** `control-plane/kube-apiserver/cp-1`; `instance` is the node name, or the pod name when unscheduled. */
export function controlPlaneId(type: ControlPlaneType, instance: string): string {
  return `control-plane/${type}/${instance}`;
}

/** An external etcd member, identified by its endpoint host:port. */
export function externalEtcdId(endpoint: string): string {
  return `control-plane/etcd/external/${endpoint.replace(/^[a-z]+:\/\//, '')}`;
}

export function nodeId(node: string): string {
  return `node/${node}`;
}

export function nodeSubId(node: string, sub: NodeSubType): string {
  return `node/${node}/${sub}`;
}

/** `addon/coredns`, `addon/calico-node`: named by the workload that runs the add-on. */
export function addonId(name: string): string {
  return `addon/${name}`;
}

/**
 * A node group (role → pool → zone), the target of aggregated edges on large clusters:
 * `nodegroup/worker/general/eu-west-1a`; `-` stands for "no pool/zone label" (never a label value).
 */
export function nodeGroupId(role: 'control-plane' | 'worker', pool?: string, zone?: string): string {
  return `nodegroup/${role}/${pool || '-'}/${zone || '-'}`;
}

/** Component type implied by an id, for ids built by the functions above. */
export function typeOfId(id: string): ComponentType | undefined {
  if (id === CLIENTS_ID) return 'clients';
  if (id === CLUSTER_ID) return 'cluster';
  if (id === PROVIDER_MANAGED_ID) return 'provider-managed';
  const parts = id.split('/');
  if (parts[0] === 'control-plane') return parts[1] as ComponentType;
  if (parts[0] === 'node') return parts.length === 2 ? 'node' : (parts[2] as ComponentType);
  return undefined;
}
