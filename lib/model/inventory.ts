/**
 * The Inventory: a JSON-safe *security projection* of one cluster, read in one pass by lib/k8s.
 *
 * Everything downstream (architecture model, checks, scores, snapshots) is a pure function of it.
 * It is redacted by construction: no Secret data, no env var values, no ConfigMap data beyond the
 * few config keys checks need, no tokens, no managedFields or last-applied annotations. A value
 * that never enters this structure can never leak into a share link.
 */

export const INVENTORY_SCHEMA_VERSION = 1;

/** Why a read produced no data. Checks whose inputs are missing report `unknown` with this. */
export type CollectionIssueReason =
  | 'forbidden'
  | 'unauthorized'
  | 'timeout'
  | 'not-found'
  | 'unreachable'
  | 'unsupported'
  | 'disabled'
  | 'error';

export interface CollectionIssue {
  /** Resource kind or probe name, e.g. `RoleBinding`, `Secret`, `/metrics`, `tls-probe`. */
  kind: string;
  verb: 'list' | 'get' | 'probe';
  /** Set when the read was namespaced; absent = cluster-wide. */
  namespace?: string;
  reason: CollectionIssueReason;
  /** A sentence a person can act on. */
  message: string;
  /** A cluster-wide list was forbidden and these namespaces were read instead (the context's namespace). */
  readNamespaces?: string[];
}

export interface OwnerRef {
  kind: string;
  name: string;
  controller?: boolean;
}

export interface ObjectMeta {
  name: string;
  namespace?: string;
  uid?: string;
  labels: Record<string, string>;
  /** Filtered: never `kubectl.kubernetes.io/last-applied-configuration`. */
  annotations: Record<string, string>;
  creationTimestamp?: string;
  ownerReferences?: OwnerRef[];
}

// ---------------------------------------------------------------------------------------------
// Workloads

export interface SecurityContext {
  privileged?: boolean;
  allowPrivilegeEscalation?: boolean;
  runAsNonRoot?: boolean;
  runAsUser?: number;
  runAsGroup?: number;
  readOnlyRootFilesystem?: boolean;
  capabilities?: { add?: string[]; drop?: string[] };
  seccompProfile?: { type: string; localhostProfile?: string };
  appArmorProfile?: { type: string; localhostProfile?: string };
  seLinuxOptions?: { user?: string; role?: string; type?: string; level?: string };
  procMount?: string;
  windowsHostProcess?: boolean;
}

export interface PodSecurityContext {
  runAsNonRoot?: boolean;
  runAsUser?: number;
  runAsGroup?: number;
  fsGroup?: number;
  seccompProfile?: { type: string; localhostProfile?: string };
  appArmorProfile?: { type: string; localhostProfile?: string };
  seLinuxOptions?: { user?: string; role?: string; type?: string; level?: string };
  sysctls?: { name: string; value: string }[];
  windowsHostProcess?: boolean;
}

export interface ResourceAmounts {
  cpu?: string;
  memory?: string;
}

export interface ContainerInfo {
  name: string;
  image: string;
  imagePullPolicy?: string;
  /** Command and args with the values of sensitive-looking flags masked (see lib/k8s/projection/redact.ts). */
  command?: string[];
  args?: string[];
  ports: { containerPort: number; hostPort?: number; protocol?: string }[];
  /** Names of env vars only, never values. */
  env: EnvVarInfo[];
  /** Secret names used through `envFrom.secretRef`. */
  envFromSecrets: string[];
  securityContext?: SecurityContext;
  resources: { requests?: ResourceAmounts; limits?: ResourceAmounts };
  volumeMounts: { name: string; mountPath: string; readOnly?: boolean }[];
}

export interface EnvVarInfo {
  name: string;
  /** Where the value comes from; the value itself is never collected. */
  source: 'literal' | 'secret' | 'configmap' | 'field' | 'resource' | 'file' | 'empty';
  /** For `secret`/`configmap`: the referenced object's name. */
  ref?: string;
}

export interface VolumeInfo {
  /** The injected service-account token volume (`kube-api-access-<random>`) is `kube-api-access`, in mounts too. */
  name: string;
  hostPath?: { path: string; type?: string };
  secretName?: string;
  configMapName?: string;
  /** A projected volume carrying a service-account token. */
  projectedServiceAccountToken?: boolean;
  emptyDir?: boolean;
  persistentVolumeClaim?: string;
}

/** The security-relevant part of a pod spec; shared by pods and workload templates. */
export interface PodSpecInfo {
  nodeName?: string;
  serviceAccountName?: string;
  automountServiceAccountToken?: boolean;
  hostNetwork?: boolean;
  hostPID?: boolean;
  hostIPC?: boolean;
  runtimeClassName?: string;
  priorityClassName?: string;
  securityContext?: PodSecurityContext;
  volumes: VolumeInfo[];
  containers: ContainerInfo[];
  initContainers: ContainerInfo[];
  ephemeralContainers: ContainerInfo[];
  tolerations?: { key?: string; operator?: string; effect?: string }[];
}

export interface PodInfo {
  meta: ObjectMeta;
  spec: PodSpecInfo;
  status: { phase?: string; ready?: boolean; qosClass?: string; startTime?: string };
}

export type WorkloadKind = 'Deployment' | 'DaemonSet' | 'StatefulSet' | 'ReplicaSet' | 'Job' | 'CronJob';

export interface WorkloadInfo {
  kind: WorkloadKind;
  meta: ObjectMeta;
  replicas?: number;
  readyReplicas?: number;
  /** The pod template, projected like a pod. */
  template: { meta: Pick<ObjectMeta, 'labels' | 'annotations'>; spec: PodSpecInfo };
}

// ---------------------------------------------------------------------------------------------
// Nodes and namespaces

export interface NodeInfo {
  meta: ObjectMeta;
  providerID?: string;
  podCIDR?: string;
  unschedulable?: boolean;
  taints: { key: string; value?: string; effect: string }[];
  addresses: { type: string; address: string }[];
  nodeInfo: {
    kubeletVersion?: string;
    kubeProxyVersion?: string;
    containerRuntimeVersion?: string;
    osImage?: string;
    kernelVersion?: string;
    operatingSystem?: string;
    architecture?: string;
  };
  kubeletPort?: number;
  capacity: Record<string, string>;
  allocatable: Record<string, string>;
  conditions: { type: string; status: string; reason?: string }[];
}

export interface NamespaceInfo {
  meta: ObjectMeta;
  phase?: string;
}

// ---------------------------------------------------------------------------------------------
// Networking

export interface ServiceInfo {
  meta: ObjectMeta;
  type: string;
  clusterIP?: string;
  externalIPs: string[];
  loadBalancerIngress: string[];
  ports: { port: number; nodePort?: number; protocol?: string; targetPort?: string | number; name?: string }[];
  selector?: Record<string, string>;
}

export interface IngressInfo {
  meta: ObjectMeta;
  ingressClassName?: string;
  tlsHosts: string[][];
  hosts: string[];
  loadBalancerIngress: string[];
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

export interface NetworkPolicyPeer {
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
  ipBlock?: { cidr: string; except?: string[] };
}

export interface NetworkPolicyInfo {
  meta: ObjectMeta;
  podSelector: LabelSelector;
  policyTypes: string[];
  ingress: { from: NetworkPolicyPeer[]; ports: { port?: string | number; protocol?: string }[] }[];
  egress: { to: NetworkPolicyPeer[]; ports: { port?: string | number; protocol?: string }[] }[];
}

// ---------------------------------------------------------------------------------------------
// Quotas

export interface ResourceQuotaInfo {
  meta: ObjectMeta;
  hard: Record<string, string>;
  used: Record<string, string>;
  scopes: string[];
}

export interface LimitRangeInfo {
  meta: ObjectMeta;
  limits: {
    type: string;
    default?: Record<string, string>;
    defaultRequest?: Record<string, string>;
    max?: Record<string, string>;
    min?: Record<string, string>;
  }[];
}

// ---------------------------------------------------------------------------------------------
// RBAC and identities

export interface PolicyRule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

export interface RoleInfo {
  kind: 'Role' | 'ClusterRole';
  meta: ObjectMeta;
  rules: PolicyRule[];
  /** ClusterRoles built by aggregation. */
  aggregated?: boolean;
}

export interface Subject {
  kind: 'User' | 'Group' | 'ServiceAccount' | string;
  name: string;
  namespace?: string;
}

export interface RoleBindingInfo {
  kind: 'RoleBinding' | 'ClusterRoleBinding';
  meta: ObjectMeta;
  roleRef: { kind: string; name: string };
  subjects: Subject[];
}

export interface ServiceAccountInfo {
  meta: ObjectMeta;
  automountServiceAccountToken?: boolean;
  /** Names of Secrets listed in `.secrets` (legacy token references). */
  secretNames: string[];
}

/** Secret *metadata* only (PartialObjectMetadata): never data, never `stringData`. */
export interface SecretMetaInfo {
  meta: ObjectMeta;
  type?: string;
}

export interface CsrInfo {
  meta: ObjectMeta;
  signerName: string;
  username?: string;
  groups: string[];
  usages: string[];
  expirationSeconds?: number;
  /** Subject organisations parsed from the CSR's request (to spot `system:masters`). */
  requestedOrganizations: string[];
  requestedCommonName?: string;
  conditions: { type: string; status?: string; lastUpdateTime?: string }[];
  issued: boolean;
}

export interface WebhookInfo {
  kind: 'ValidatingWebhookConfiguration' | 'MutatingWebhookConfiguration';
  meta: ObjectMeta;
  webhooks: {
    name: string;
    failurePolicy?: string;
    sideEffects?: string;
    timeoutSeconds?: number;
    service?: { namespace: string; name: string; path?: string };
    url?: string;
    rules: { apiGroups: string[]; resources: string[]; operations: string[] }[];
    namespaceSelector?: LabelSelector;
  }[];
}

export interface RuntimeClassInfo {
  meta: ObjectMeta;
  handler: string;
}

export interface ApiServiceInfo {
  meta: ObjectMeta;
  group?: string;
  version?: string;
  service?: { namespace: string; name: string };
  insecureSkipTLSVerify?: boolean;
  available?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Non-resource reads and probes

export interface VersionInfo {
  gitVersion: string;
  major?: string;
  minor?: string;
  platform?: string;
  buildDate?: string;
}

export interface CertificateInfo {
  subject: string;
  issuer: string;
  notBefore: string;
  notAfter: string;
  subjectAltNames: string[];
  /** e.g. `RSA 2048`, `EC prime256v1`. */
  publicKey?: string;
  fingerprint256?: string;
  selfSigned?: boolean;
}

export interface TlsProbe {
  endpoint: string;
  /** The negotiated protocol of a default handshake, e.g. `TLSv1.3`. */
  protocol?: string;
  cipher?: string;
  /** Outcome of handshakes restricted to one old protocol version. */
  legacyProtocols: { version: 'TLSv1' | 'TLSv1.1'; accepted: boolean; error?: string }[];
  /** Outcome of handshakes offering only weak cipher suites (TLS 1.2). */
  weakCiphers: { suite: string; accepted: boolean }[];
  chain: CertificateInfo[];
  /** Did the chain verify against the kubeconfig's CA? */
  verified: boolean;
  verifyError?: string;
}

export interface AnonymousProbe {
  /** HTTP status of an unauthenticated GET /version (200 ⇒ anonymous auth is on). */
  versionStatus?: number;
  /** HTTP status of an unauthenticated GET /api. */
  apiStatus?: number;
  /** HTTP status of an unauthenticated GET /api/v1/namespaces/default/pods (can anonymous list pods?). */
  podsStatus?: number;
  error?: string;
}

export interface FeatureGateState {
  name: string;
  stage: 'ALPHA' | 'BETA' | 'GA' | 'DEPRECATED' | string;
  enabled: boolean;
}

export interface ApiServerMetrics {
  featureGates: FeatureGateState[];
  /** Sum of `apiserver_audit_event_total`, when exposed. */
  auditEventTotal?: number;
  /** Deprecated APIs requested (group/version/resource), from `apiserver_requested_deprecated_apis`. */
  requestedDeprecatedApis: { group: string; version: string; resource: string; removedRelease?: string }[];
  /** `transformer_prefix` values seen in `apiserver_storage_transformation_operations_total`. */
  storageTransformers: string[];
}

export interface ReadyzCheck {
  name: string;
  ok: boolean;
}

/** The few ConfigMap keys checks read; nothing else of any ConfigMap is collected. */
export interface ClusterConfigMaps {
  /** kube-system/kubeadm-config `ClusterConfiguration` (YAML text). */
  kubeadmClusterConfiguration?: string;
  /** kube-system/kubelet-config `kubelet` (KubeletConfiguration YAML text). */
  kubeletConfiguration?: string;
  /** kube-system/kube-proxy `config.conf` (KubeProxyConfiguration YAML text). */
  kubeProxyConfiguration?: string;
  /** Parsed `ca.crt` of kube-root-ca.crt in one namespace. */
  rootCA?: CertificateInfo;
}

/** A kubelet's effective configuration (node proxy `configz`); collected only when enabled. */
export type KubeletConfig = Record<string, unknown>;

export interface ClusterIdentity {
  context: string;
  server: string;
  /** User name from the kubeconfig context; never a credential. */
  user?: string;
  inCluster?: boolean;
}

export interface CollectionStats {
  startedAt: string;
  durationMs: number;
  /** HTTP requests made to the API server (including probes). */
  requests: number;
  objects: Record<string, number>;
}

export interface Inventory {
  schemaVersion: typeof INVENTORY_SCHEMA_VERSION;
  collectedAt: string;
  cluster: ClusterIdentity;
  version?: VersionInfo;
  /** Served group/versions from `/api` + `/apis`, e.g. `v1`, `apps/v1`, `batch/v2alpha1`. */
  groupVersions: string[];
  metrics?: ApiServerMetrics;
  readyz: ReadyzCheck[];
  tls?: TlsProbe;
  anonymous?: AnonymousProbe;

  nodes: NodeInfo[];
  namespaces: NamespaceInfo[];
  pods: PodInfo[];
  workloads: WorkloadInfo[];
  services: ServiceInfo[];
  ingresses: IngressInfo[];
  networkPolicies: NetworkPolicyInfo[];
  resourceQuotas: ResourceQuotaInfo[];
  limitRanges: LimitRangeInfo[];
  serviceAccounts: ServiceAccountInfo[];
  roles: RoleInfo[];
  roleBindings: RoleBindingInfo[];
  secrets: SecretMetaInfo[];
  csrs: CsrInfo[];
  webhooks: WebhookInfo[];
  runtimeClasses: RuntimeClassInfo[];
  apiServices: ApiServiceInfo[];
  configMaps: ClusterConfigMaps;
  /** Keyed by node name; present only when the opt-in kubelet configz read is enabled. */
  kubeletConfigs?: Record<string, KubeletConfig>;

  /** What could not be read, and why. Partial is normal. */
  issues: CollectionIssue[];
  stats: CollectionStats;
}

/** An empty inventory: the base for fixtures and for collection. */
export function emptyInventory(cluster: ClusterIdentity, collectedAt = new Date(0).toISOString()): Inventory {
  return {
    schemaVersion: INVENTORY_SCHEMA_VERSION,
    collectedAt,
    cluster,
    groupVersions: [],
    readyz: [],
    nodes: [],
    namespaces: [],
    pods: [],
    workloads: [],
    services: [],
    ingresses: [],
    networkPolicies: [],
    resourceQuotas: [],
    limitRanges: [],
    serviceAccounts: [],
    roles: [],
    roleBindings: [],
    secrets: [],
    csrs: [],
    webhooks: [],
    runtimeClasses: [],
    apiServices: [],
    configMaps: {},
    issues: [],
    stats: { startedAt: collectedAt, durationMs: 0, requests: 0, objects: {} },
  };
}
