/**
 * Static-pod manifests for the control plane. The same manifest is both what the harness starts
 * (its container command is the process's argv) and the mirror pod created in kube-system, so
 * the flags the API shows are exactly the flags the processes run with.
 */
import type { ProfileSpec } from './profiles.ts';

export type ControlPlaneComponent = 'etcd' | 'kube-apiserver' | 'kube-controller-manager' | 'kube-scheduler';
export const CONTROL_PLANE: readonly ControlPlaneComponent[] = ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler'];

export const CONTROL_PLANE_NODE = 'cp-1';

export interface StaticPodManifest {
  apiVersion: 'v1';
  kind: 'Pod';
  metadata: { name: string; namespace: 'kube-system'; labels: Record<string, string>; annotations?: Record<string, string> };
  spec: {
    hostNetwork: true;
    priorityClassName: string;
    securityContext: { seccompProfile: { type: 'RuntimeDefault' } };
    containers: {
      name: string;
      image: string;
      imagePullPolicy: 'IfNotPresent';
      command: string[];
      resources: { requests: { cpu: string; memory?: string } };
      volumeMounts: { name: string; mountPath: string; readOnly?: boolean }[];
    }[];
    volumes: { name: string; hostPath: { path: string; type: string } }[];
  };
}

function image(component: ControlPlaneComponent, k8sVersion: string, etcdVersion: string): string {
  return component === 'etcd' ? `registry.k8s.io/etcd:${etcdVersion.replace(/^v/, '')}-0` : `registry.k8s.io/${component}:${k8sVersion}`;
}

const CPU: Record<ControlPlaneComponent, string> = {
  etcd: '100m',
  'kube-apiserver': '250m',
  'kube-controller-manager': '200m',
  'kube-scheduler': '100m',
};

export function staticPodManifest(
  component: ControlPlaneComponent,
  spec: ProfileSpec,
  stateDir: string,
  versions: { k8s: string; etcd: string },
): StaticPodManifest {
  const flags: Record<ControlPlaneComponent, string[]> = {
    etcd: spec.etcdFlags,
    'kube-apiserver': spec.apiserverFlags,
    'kube-controller-manager': spec.controllerManagerFlags,
    'kube-scheduler': spec.schedulerFlags,
  };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: component,
      namespace: 'kube-system',
      labels: { component, tier: 'control-plane' },
    },
    spec: {
      hostNetwork: true,
      priorityClassName: 'system-node-critical',
      securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
      containers: [
        {
          name: component,
          image: image(component, versions.k8s, versions.etcd),
          imagePullPolicy: 'IfNotPresent',
          command: [component, ...flags[component]],
          resources: { requests: { cpu: CPU[component] } },
          volumeMounts: [{ name: 'cluster-state', mountPath: stateDir, readOnly: component !== 'etcd' }],
        },
      ],
      volumes: [{ name: 'cluster-state', hostPath: { path: stateDir, type: 'DirectoryOrCreate' } }],
    },
  };
}

/** The mirror pod the API shows for a static pod, as a kubelet would create it. */
export function mirrorPod(manifest: StaticPodManifest, node: { name: string; uid: string }, hash: string): Record<string, unknown> {
  return {
    ...manifest,
    metadata: {
      ...manifest.metadata,
      name: `${manifest.metadata.name}-${node.name}`,
      annotations: {
        'kubernetes.io/config.hash': hash,
        'kubernetes.io/config.mirror': hash,
        'kubernetes.io/config.source': 'file',
      },
      ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: node.name, uid: node.uid, controller: true }],
    },
    spec: {
      ...manifest.spec,
      nodeName: node.name,
      tolerations: [{ operator: 'Exists', effect: 'NoExecute' }],
    },
  };
}
