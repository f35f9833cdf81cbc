/**
 * The Architecture: components of the cluster and the real connections between them, derived
 * purely from an Inventory by buildArchitecture(). Ids are stable across scans so URLs, overlays
 * and snapshot diffs can refer to them (see ids.ts).
 */

export type ComponentType =
  | 'clients'
  | 'kube-apiserver'
  | 'etcd'
  | 'kube-scheduler'
  | 'kube-controller-manager'
  | 'cloud-controller-manager'
  | 'provider-managed'
  | 'node'
  | 'kubelet'
  | 'kube-proxy'
  | 'container-runtime'
  | 'dns'
  | 'dashboard'
  | 'cni'
  | 'ingress-controller'
  | 'metrics-server'
  | 'csi-driver'
  | 'cluster';

export type Layer = 'clients' | 'control-plane' | 'nodes' | 'addons';

export type ManagedProvider = 'EKS' | 'GKE' | 'AKS' | 'unknown';

export interface ObjectRef {
  kind: string;
  namespace?: string;
  name: string;
}

export interface Component {
  /** Stable id, e.g. `control-plane/kube-apiserver/cp-1`, `node/worker-2/kubelet`, `addon/coredns`. */
  id: string;
  type: ComponentType;
  /** Human name shown on the diagram. */
  name: string;
  layer: Layer;
  /** For per-node sub-components (kubelet, kube-proxy, runtime): the node component's id. */
  parentId?: string;
  /** The node the component runs on, when known. */
  nodeName?: string;
  version?: string;
  /** Parsed `--flag=value` pairs of the process (control-plane pods, add-on containers). */
  flags?: Record<string, string>;
  /** Small facts for the drill-down: runtime, OS, zone, pool, pod count, mode, provider… */
  facts: Record<string, string | number | boolean>;
  /** Objects the component was read from (its pod, DaemonSet, Deployment, Node). */
  objects: ObjectRef[];
}

export type EdgeKind = 'api' | 'storage' | 'kubelet-api' | 'runtime' | 'client';
export type TlsState = 'verified' | 'unverified' | 'none' | 'unknown';
export type AuthState = 'client-cert' | 'token' | 'anonymous-allowed' | 'none' | 'unknown';

export interface Edge {
  id: string;
  from: string;
  to: string;
  kind: EdgeKind;
  label: string;
  protocol?: 'https' | 'http' | 'grpc' | 'unix';
  tls: TlsState;
  auth: AuthState;
  /** Where each attribute was read (flags, probes), for the drill-down. */
  evidence: string[];
}

export interface NodeGroup {
  id: string;
  /** e.g. `pool: general / zone: eu-west-1a`, or `control-plane`. */
  label: string;
  role: 'control-plane' | 'worker';
  pool?: string;
  zone?: string;
  nodeNames: string[];
}

export interface Architecture {
  controlPlane: {
    managed: boolean;
    provider?: ManagedProvider;
    /** Why the provider was detected (label, providerID, version suffix). */
    providerEvidence?: string;
    /** etcd endpoints from `--etcd-servers` when etcd runs outside the cluster's pods. */
    externalEtcd?: string[];
  };
  components: Component[];
  edges: Edge[];
  nodeGroups: NodeGroup[];
}
