/**
 * Builders of plain Kubernetes objects for architecture tests. They produce what the API
 * returns (then fed through inventoryFromObjects), so tests exercise the real projections.
 */
import type { ControlPlaneType } from '../ids';

type Obj = Record<string, unknown>;

export const K8S_VERSION = 'v1.31.2';

export function controlPlanePod(type: ControlPlaneType, node: string, args: string[], opts: { image?: string; labels?: Record<string, string> } = {}): Obj {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `${type}-${node}`,
      namespace: 'kube-system',
      labels: opts.labels ?? { component: type, tier: 'control-plane' },
      annotations: { 'kubernetes.io/config.mirror': 'abc', 'kubernetes.io/config.source': 'file' },
    },
    spec: {
      nodeName: node,
      containers: [{ name: type, image: opts.image ?? `registry.k8s.io/${type}:${K8S_VERSION}`, command: [type, ...args] }],
    },
    status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] },
  };
}

export interface NodeOpts {
  labels?: Record<string, string>;
  providerID?: string;
  kubeletVersion?: string;
  runtime?: string;
  address?: string;
  os?: string;
}

export function node(name: string, opts: NodeOpts = {}): Obj {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': opts.os ?? 'linux', ...opts.labels } },
    spec: opts.providerID ? { providerID: opts.providerID } : {},
    status: {
      addresses: [{ type: 'InternalIP', address: opts.address ?? '10.0.0.1' }],
      nodeInfo: {
        kubeletVersion: opts.kubeletVersion ?? K8S_VERSION,
        containerRuntimeVersion: opts.runtime ?? 'containerd://2.1.4',
        osImage: 'Ubuntu 24.04.1 LTS',
        kernelVersion: '6.8.0-45-generic',
        operatingSystem: opts.os ?? 'linux',
        architecture: 'amd64',
      },
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      capacity: { cpu: '4', memory: '16Gi', pods: '110' },
      conditions: [{ type: 'Ready', status: 'True' }],
    },
  };
}

export function controlPlaneNode(name: string, address: string, opts: NodeOpts = {}): Obj {
  return node(name, { ...opts, address, labels: { 'node-role.kubernetes.io/control-plane': '', ...opts.labels } });
}

export function workload(kind: 'Deployment' | 'DaemonSet' | 'StatefulSet', namespace: string, name: string, images: string[], labels: Record<string, string> = {}): Obj {
  return {
    apiVersion: 'apps/v1',
    kind,
    metadata: { name, namespace, labels },
    spec: {
      ...(kind === 'DaemonSet' ? {} : { replicas: 2 }),
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: { containers: images.map((image, i) => ({ name: `c${i}`, image })) },
      },
    },
    status: kind === 'DaemonSet' ? { desiredNumberScheduled: 2, numberReady: 2 } : { readyReplicas: 2 },
  };
}

export function kubeProxyPod(nodeName: string, args: string[] = ['--config=/var/lib/kube-proxy/config.conf', '--hostname-override=$(NODE_NAME)']): Obj {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `kube-proxy-${nodeName}`, namespace: 'kube-system', labels: { 'k8s-app': 'kube-proxy' } },
    spec: {
      nodeName,
      serviceAccountName: 'kube-proxy',
      containers: [{ name: 'kube-proxy', image: `registry.k8s.io/kube-proxy:${K8S_VERSION}`, command: ['/usr/local/bin/kube-proxy', ...args] }],
    },
  };
}

export function configMap(namespace: string, name: string, data: Record<string, string>): Obj {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { namespace, name }, data };
}

/** A deterministic shuffle (seeded LCG), so a failing determinism test replays. */
export function shuffled<T>(items: readonly T[], seed = 42): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
