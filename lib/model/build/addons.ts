/**
 * Add-ons, detected by workload name, labels and images across all namespaces. Only
 * Deployments, DaemonSets and StatefulSets count (a ReplicaSet belongs to its Deployment, a Job
 * is not a running service). The first matching rule wins, so the order below matters.
 */
import type { Component, ComponentType } from '../architecture';
import { addonId } from '../ids';
import type { ContainerInfo, WorkloadInfo } from '../inventory';
import { facts, imageRepo, metaKey, ref, versionFromImage } from './util';

type AddonType = Extract<ComponentType, 'dns' | 'dashboard' | 'cni' | 'ingress-controller' | 'metrics-server' | 'csi-driver'>;

interface Rule {
  type: AddonType;
  /** Workload kinds this rule applies to; all three when absent. */
  kinds?: readonly WorkloadInfo['kind'][];
  names: readonly (string | RegExp)[];
  /** Matched against each container's image repository (`coredns/coredns`). */
  images: readonly RegExp[];
}

const RULES: readonly Rule[] = [
  {
    type: 'dns',
    names: ['coredns', 'kube-dns', 'node-local-dns', /^rke2-coredns/],
    images: [/(^|\/)coredns$/, /(^|\/)k8s-dns-kube-dns/, /(^|\/)k8s-dns-node-cache$/],
  },
  {
    type: 'cni',
    kinds: ['DaemonSet'],
    names: ['calico-node', 'canal', 'cilium', 'kube-flannel-ds', 'kube-flannel', 'flannel', 'weave-net', 'antrea-agent', 'kube-router', 'aws-node', 'kindnet', 'kube-ovn-cni', 'azure-cni'],
    images: [/calico\/node$/, /(^|\/)cilium$/, /flannel$/, /weave-kube$/, /antrea-(agent|ubuntu)/, /kube-router$/, /amazon-k8s-cni$/, /kindnetd$/],
  },
  {
    type: 'ingress-controller',
    names: [/^ingress-nginx-controller/, /^nginx-ingress/, 'traefik', 'contour', 'haproxy-ingress', /^kong(-controller)?$/, 'skipper-ingress'],
    images: [/ingress-nginx\/controller/, /nginx-ingress-controller/, /nginx\/nginx-ingress/, /(^|\/)traefik$/, /haproxy-ingress$/, /haproxytech\/kubernetes-ingress/, /projectcontour\/contour$/, /kubernetes-ingress-controller$/, /(^|\/)skipper$/],
  },
  { type: 'metrics-server', names: ['metrics-server'], images: [/(^|\/)metrics-server$/] },
  { type: 'dashboard', names: ['kubernetes-dashboard'], images: [/kubernetesui\/dashboard/] },
  {
    type: 'csi-driver',
    names: [/(^|-)csi(-|$)/],
    // Sidecars (csi-node-driver-registrar, csi-provisioner) and drivers (aws-ebs-csi-driver) alike.
    images: [/(^|[-_/])csi([-_]|$)/, /cephcsi$/],
  },
];

const ADDON_KINDS: readonly WorkloadInfo['kind'][] = ['Deployment', 'DaemonSet', 'StatefulSet'];

function nameMatches(name: string, patterns: readonly (string | RegExp)[]): boolean {
  return patterns.some((p) => (typeof p === 'string' ? p === name : p.test(name)));
}

/** The workload's add-on type and the container that identified it. */
export function classifyAddon(w: WorkloadInfo): { type: AddonType; container?: ContainerInfo } | undefined {
  if (!ADDON_KINDS.includes(w.kind)) return undefined;
  const containers = w.template.spec.containers;
  const labelNames = [w.template.meta.labels['app.kubernetes.io/name'], w.meta.labels['k8s-app'], w.template.meta.labels['k8s-app']];
  for (const rule of RULES) {
    if (rule.kinds && !rule.kinds.includes(w.kind)) continue;
    const byImage = containers.find((c) => rule.images.some((re) => re.test(imageRepo(c.image))));
    if (byImage) return { type: rule.type, container: byImage };
    if (nameMatches(w.meta.name, rule.names) || labelNames.some((n) => n !== undefined && nameMatches(n, rule.names))) {
      const c = containers[0];
      return c ? { type: rule.type, container: c } : { type: rule.type };
    }
  }
  return undefined;
}

/**
 * Add-on components, `addon/<workload name>`; when two add-on workloads share a name (in
 * different namespaces), both are qualified as `addon/<namespace>/<name>`. `workloads` must be
 * pre-sorted; `exclude` holds `namespace/name` keys already modelled elsewhere (kube-proxy, CCM).
 */
export function addonComponents(workloads: readonly WorkloadInfo[], exclude: ReadonlySet<string>): Component[] {
  const found: { w: WorkloadInfo; type: AddonType; container?: ContainerInfo }[] = [];
  for (const w of workloads) {
    if (exclude.has(metaKey(w.meta))) continue;
    const hit = classifyAddon(w);
    if (hit) found.push({ w, ...hit });
  }
  const nameCount = new Map<string, number>();
  for (const { w } of found) nameCount.set(w.meta.name, (nameCount.get(w.meta.name) ?? 0) + 1);
  const used = new Set<string>();
  const out: Component[] = [];
  for (const { w, type, container } of found) {
    const shared = (nameCount.get(w.meta.name) ?? 0) > 1;
    let id = addonId(shared ? `${w.meta.namespace ?? ''}/${w.meta.name}` : w.meta.name);
    if (used.has(id)) id = `${id}/${w.kind.toLowerCase()}`;
    used.add(id);
    const image = container?.image;
    const version = image ? versionFromImage(image) : undefined;
    out.push({
      id,
      type,
      name: w.meta.name,
      layer: 'addons',
      ...(version ? { version } : {}),
      facts: facts({
        namespace: w.meta.namespace,
        kind: w.kind,
        image,
        container: container?.name,
        replicas: w.replicas,
        readyReplicas: w.readyReplicas,
        hostNetwork: w.template.spec.hostNetwork || undefined,
        serviceAccount: w.template.spec.serviceAccountName,
      }),
      objects: [ref(w.kind, w.meta)],
    });
  }
  return out;
}
