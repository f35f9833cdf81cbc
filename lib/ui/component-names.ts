/**
 * How components are named on screen. Component.name is what the model calls it
 * (`kube-apiserver (cp-1)`, `kubelet`); the diagram and screen readers need a name that stands on
 * its own (`kubelet on worker-2`), so the wording lives here once.
 */
import type { Component, ComponentType, Layer } from '../model/architecture';

export const TYPE_TITLES: Record<ComponentType, string> = {
  clients: 'API clients',
  'kube-apiserver': 'API server',
  etcd: 'etcd',
  'kube-scheduler': 'Scheduler',
  'kube-controller-manager': 'Controller manager',
  'cloud-controller-manager': 'Cloud controller manager',
  'provider-managed': 'Provider-managed control plane',
  node: 'Node',
  kubelet: 'kubelet',
  'kube-proxy': 'kube-proxy',
  'container-runtime': 'Container runtime',
  dns: 'DNS',
  dashboard: 'Dashboard',
  cni: 'CNI network plugin',
  'ingress-controller': 'Ingress controller',
  'metrics-server': 'Metrics server',
  'csi-driver': 'CSI storage driver',
  cluster: 'Cluster-wide settings',
};

export const LAYER_TITLES: Record<Layer, string> = {
  clients: 'Clients',
  'control-plane': 'Control plane',
  nodes: 'Nodes',
  addons: 'Add-ons',
};

const PER_NODE: ReadonlySet<ComponentType> = new Set(['kubelet', 'kube-proxy', 'container-runtime']);

/** A name that stands on its own: `kube-apiserver cp-1`, `kubelet on worker-2`, `node worker-2`. */
export function componentLabel(c: Pick<Component, 'name' | 'type' | 'nodeName'>): string {
  if (c.type === 'node') return `node ${c.name}`;
  if (PER_NODE.has(c.type)) return c.nodeName ? `${c.name} on ${c.nodeName}` : c.name;
  if (c.type === 'cluster') return `cluster-wide settings (${c.name})`;
  // `kube-apiserver (cp-1)` → `kube-apiserver cp-1`
  return c.name.replace(/ \((.+)\)$/, ' $1');
}

/** A short second line for a box: the component's kind in words, or what the add-on does. */
export function componentSubtitle(c: Pick<Component, 'type' | 'version'>): string {
  const title = TYPE_TITLES[c.type];
  return c.version ? `${title} · ${c.version}` : title;
}

/**
 * The component id as URL path segments: ids contain `/` on purpose (`node/worker-2/kubelet`),
 * so the drill-down route is a catch-all and each segment is encoded on its own.
 */
export function componentPath(context: string, id: string): string {
  return `/clusters/${encodeURIComponent(context)}/components/${id.split('/').map(encodeURIComponent).join('/')}`;
}

/** Route params may arrive encoded or decoded depending on the router; accept both. */
export function idFromSegments(segments: readonly string[]): string {
  return segments.map(safeDecode).join('/');
}

export function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
