/**
 * Node objects for the local cluster. kwok plays their kubelets (annotation kwok.x-k8s.io/node),
 * so we set what a real kubelet reports: nodeInfo, capacity, addresses, labels and taints.
 * Node creation accepts status, which kwok then keeps and completes with conditions.
 */
import type { ProfileName } from './profiles.ts';

export const K8S_VERSION = 'v1.37.2';
export const ETCD_VERSION = 'v3.6.16';

export interface NodeObject {
  apiVersion: 'v1';
  kind: 'Node';
  metadata: { name: string; labels: Record<string, string>; annotations: Record<string, string> };
  spec: { taints?: { key: string; effect: string }[]; providerID?: string; podCIDR?: string };
  status: Record<string, unknown>;
}

const ZONES = ['zone-a', 'zone-b', 'zone-c'];
const EKS_ZONES = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];

interface NodeInfo {
  kubeletVersion: string;
  containerRuntimeVersion: string;
  osImage: string;
  kernelVersion: string;
}

function node(name: string, index: number, labels: Record<string, string>, info: NodeInfo, extra: Partial<NodeObject['spec']> = {}): NodeObject {
  const capacity = { cpu: '8', memory: '32863228Ki', pods: '110', 'ephemeral-storage': '101430960Ki' };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels: {
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/os': 'linux',
        'beta.kubernetes.io/arch': 'amd64',
        ...labels,
      },
      annotations: { 'kwok.x-k8s.io/node': 'fake', 'node.alpha.kubernetes.io/ttl': '0' },
    },
    spec: { podCIDR: `10.244.${index}.0/24`, ...extra },
    status: {
      capacity,
      allocatable: { ...capacity, cpu: '7800m', memory: '31711228Ki' },
      addresses: [
        { type: 'InternalIP', address: `10.0.0.${10 + index}` },
        { type: 'Hostname', address: name },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: 'amd64',
        operatingSystem: 'linux',
        bootID: '',
        machineID: '',
        systemUUID: '',
        kubeProxyVersion: '',
        ...info,
      },
    },
  };
}

const DEBIAN: Omit<NodeInfo, 'kubeletVersion' | 'containerRuntimeVersion'> = {
  osImage: 'Debian GNU/Linux 12 (bookworm)',
  kernelVersion: '6.1.0-28-amd64',
};

export function nodesFor(profile: ProfileName, workers: number): NodeObject[] {
  if (profile === 'managed') {
    return Array.from({ length: workers }, (_, i) => {
      const zone = EKS_ZONES[i % EKS_ZONES.length] ?? 'eu-west-1a';
      const name = `ip-10-0-${i + 1}-${20 + i}.eu-west-1.compute.internal`;
      return node(
        name,
        i + 1,
        {
          'topology.kubernetes.io/zone': zone,
          'topology.kubernetes.io/region': 'eu-west-1',
          'node.kubernetes.io/instance-type': 'm6i.xlarge',
          'eks.amazonaws.com/nodegroup': 'ng-general',
          'eks.amazonaws.com/capacityType': 'ON_DEMAND',
        },
        {
          kubeletVersion: `${K8S_VERSION}-eks-5e0fdde`,
          containerRuntimeVersion: 'containerd://2.0.5',
          osImage: 'Amazon Linux 2023.7.20250512',
          kernelVersion: '6.1.134-152.225.amzn2023.x86_64',
        },
        { providerID: `aws:///${zone}/i-0${(0xa1b2c3d4 + i).toString(16)}0e9f1a2b3` },
      );
    });
  }
  const cp = node(
    'cp-1',
    0,
    { 'node-role.kubernetes.io/control-plane': '', 'node.kubernetes.io/exclude-from-external-load-balancers': '', 'topology.kubernetes.io/zone': 'zone-a' },
    { kubeletVersion: K8S_VERSION, containerRuntimeVersion: 'containerd://2.1.4', ...DEBIAN },
    { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] },
  );
  const list = Array.from({ length: workers }, (_, i) => {
    const name = `worker-${i + 1}`;
    const info: NodeInfo = { kubeletVersion: K8S_VERSION, containerRuntimeVersion: 'containerd://2.1.4', ...DEBIAN };
    // The weak profile's seeded node weaknesses: an old kubelet and a vulnerable runtime.
    if (profile === 'weak' && i === 1) info.kubeletVersion = 'v1.33.4';
    if (profile === 'weak' && i === 2) info.containerRuntimeVersion = 'containerd://1.4.11';
    return node(name, i + 1, { 'topology.kubernetes.io/zone': ZONES[i % ZONES.length] ?? 'zone-a', 'node-pool': 'general' }, info);
  });
  return [cp, ...list];
}
