/**
 * Where findings attach on the diagram. RBAC and credential findings belong to the API server
 * that enforces them: the first kube-apiserver component, or the provider-managed control plane
 * on EKS/GKE/AKS where the API server is not visible as a pod.
 */
import type { Architecture, Component, ComponentType, ObjectRef } from '../../../../model/architecture';
import { CLUSTER_ID, PROVIDER_MANAGED_ID, addonId, nodeId, nodeSubId } from '../../../../model/ids';

export function firstOfType(arch: Architecture, type: ComponentType): Component | undefined {
  return arch.components.find((c) => c.type === type);
}

export function apiserverComponentId(arch: Architecture): string {
  const apiserver = firstOfType(arch, 'kube-apiserver');
  if (apiserver) return apiserver.id;
  if (hasComponent(arch, PROVIDER_MANAGED_ID)) return PROVIDER_MANAGED_ID;
  // Self-managed but the apiserver pod was not visible (e.g. pods forbidden): the cluster box is
  // the only honest place left.
  return CLUSTER_ID;
}

const byObject = new WeakMap<Architecture, Map<string, string>>();
const objectKey = (o: ObjectRef): string => `${o.kind}/${o.namespace ?? ''}/${o.name}`;

/** The component built from this object (an add-on's Deployment/DaemonSet), if any. */
export function componentOfObject(arch: Architecture, ref: ObjectRef): string | undefined {
  let index = byObject.get(arch);
  if (!index) {
    index = new Map();
    for (const c of arch.components) for (const o of c.objects) if (!index.has(objectKey(o))) index.set(objectKey(o), c.id);
    byObject.set(arch, index);
  }
  return index.get(objectKey(ref));
}

/**
 * An add-on's component: the one built from `ref` when given, else the diagram's first
 * component of that type, else the add-on id by name.
 */
export function addonComponentId(arch: Architecture, type: ComponentType, fallbackName: string, ref?: ObjectRef): string {
  const byName = addonId(fallbackName);
  return (ref && componentOfObject(arch, ref)) ?? firstOfType(arch, type)?.id ?? (hasComponent(arch, byName) ? byName : CLUSTER_ID);
}

const idSets = new WeakMap<Architecture, Set<string>>();

/** Does the diagram have this component? Findings must never point at a box that is not drawn. */
export function hasComponent(arch: Architecture, id: string): boolean {
  let ids = idSets.get(arch);
  if (!ids) {
    ids = new Set(arch.components.map((c) => c.id));
    idSets.set(arch, ids);
  }
  return ids.has(id);
}

/** The node a workload runs on, when the node is on the diagram; else the cluster. */
export function nodeComponentId(arch: Architecture, nodeName: string | undefined): string {
  const id = nodeName ? nodeId(nodeName) : undefined;
  return id && hasComponent(arch, id) ? id : CLUSTER_ID;
}

/** The container runtime of a node, falling back to the node, then the cluster. */
export function runtimeComponentId(arch: Architecture, nodeName: string | undefined): string {
  const id = nodeName ? nodeSubId(nodeName, 'container-runtime') : undefined;
  return id && hasComponent(arch, id) ? id : nodeComponentId(arch, nodeName);
}
