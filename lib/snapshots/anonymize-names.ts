/**
 * Which names of a posture identify an organisation, and what they are. Read from the structure
 * (cluster identity, components, node groups, findings' objects, issues) and from the text of
 * messages and evidence, where RBAC subjects (`User alice`, `Group ops`,
 * `ServiceAccount ci/deployer`) and other objects (`Role team-a/app-admin`) appear only by name.
 */
import type { ObjectRef } from '../model/architecture';
import type { Posture } from '../posture/types';

export type Category =
  | 'context'
  | 'endpoint'
  | 'namespace'
  | 'node'
  | 'pod'
  | 'workload'
  | 'service-account'
  | 'user'
  | 'group'
  | 'rbac'
  | 'object';

/** Namespaces Kubernetes creates; `default` is kept as a name, but objects in it are not. */
const BUILTIN_NAMESPACES = new Set(['kube-system', 'kube-public', 'kube-node-lease', 'default']);
/** Objects in these namespaces belong to the platform (coredns, kube-proxy …): names kept. */
const SYSTEM_NAMESPACES = new Set(['kube-system', 'kube-public', 'kube-node-lease']);
const BUILTIN_ROLES = new Set(['cluster-admin', 'admin', 'edit', 'view']);

/** Words ids and facts are built from: replacing them would break ids (`node/x/kubelet`). */
const VOCABULARY = new Set([
  'clients', 'cluster', 'control-plane', 'node', 'nodes', 'addon', 'addons', 'nodegroup', 'worker', 'external',
  'kube-apiserver', 'etcd', 'kube-scheduler', 'kube-controller-manager', 'cloud-controller-manager', 'provider-managed',
  'kubelet', 'kube-proxy', 'container-runtime', 'dns', 'dashboard', 'cni', 'ingress-controller', 'metrics-server', 'csi-driver',
  'api', 'storage', 'kubelet-api', 'runtime', 'client', 'https', 'http', 'grpc', 'unix', 'default', 'none', 'unknown',
]);

const WORKLOAD_KINDS = new Set(['Deployment', 'DaemonSet', 'StatefulSet', 'ReplicaSet', 'Job', 'CronJob', 'ReplicationController']);
const RBAC_KINDS = new Set(['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding']);

function categoryOfKind(kind: string): Category {
  if (kind === 'Namespace') return 'namespace';
  if (kind === 'Node') return 'node';
  if (kind === 'Pod') return 'pod';
  if (WORKLOAD_KINDS.has(kind)) return 'workload';
  if (kind === 'ServiceAccount') return 'service-account';
  if (kind === 'User') return 'user';
  if (kind === 'Group') return 'group';
  if (RBAC_KINDS.has(kind)) return 'rbac';
  return 'object';
}

/** Names that never identify anyone. */
export function isPlatformName(name: string): boolean {
  return name === '' || VOCABULARY.has(name) || BUILTIN_NAMESPACES.has(name) || name.startsWith('system:');
}

function keptObjectName(ref: ObjectRef): boolean {
  if (isPlatformName(ref.name)) return true;
  if (ref.namespace && SYSTEM_NAMESPACES.has(ref.namespace)) return true;
  if (ref.kind === 'ServiceAccount' && ref.name === 'default') return true;
  if ((ref.kind === 'ClusterRole' || ref.kind === 'ClusterRoleBinding') && BUILTIN_ROLES.has(ref.name)) return true;
  if (ref.kind === 'Service' && ref.namespace === 'default' && ref.name === 'kubernetes') return true;
  return false;
}

// Refs inside text. Kinds followed by `namespace/name`, and the cluster-scoped subjects and roles
// followed by a bare name. `Node` and `Namespace` are not read from text with a bare name: the
// catalogue's prose uses them as words ("the Node authorizer"), and their names are known from
// the structure anyway.
const NAMESPACED_REF = /\b(Pod|Deployment|DaemonSet|StatefulSet|ReplicaSet|ReplicationController|Job|CronJob|Service|Ingress|ServiceAccount|Role|RoleBinding|Secret|ConfigMap|NetworkPolicy|ResourceQuota|LimitRange|PersistentVolumeClaim|Lease|Endpoints) ([A-Za-z0-9][A-Za-z0-9._-]*)\/([A-Za-z0-9][A-Za-z0-9._:@-]*)/g;
const BARE_REF = /\b(User|Group|ClusterRole|ClusterRoleBinding) ([^\s,;()[\]"'`{}<>]+)/g;
const SA_USER = /\bsystem:serviceaccount:([A-Za-z0-9][A-Za-z0-9.-]*):([A-Za-z0-9][A-Za-z0-9.-]*)/g;
const NODE_USER = /\bsystem:node:([A-Za-z0-9][A-Za-z0-9.-]*)/g;
/**
 * Host names in text (Ingress hosts, load balancers, webhooks, private registries): dotted names
 * ending in a common top-level domain. Field paths (`spec.tls`, `config.conf`) end in words that
 * are not TLDs, so they are left alone; two-letter TLDs that are English words (`to`, `in`, `it`,
 * `no` …) are left out for the same reason.
 */
const TLDS = 'com|net|org|io|dev|app|cloud|ai|co|biz|info|tech|site|online|xyz|internal|local|lan|corp|home|intranet|example|test|invalid|localhost|gov|edu|mil|eu|de|uk|fr|nl|ch|se|fi|dk|pl|es|pt|ie|ca|au|nz|jp|cn|br|ru|sg|hk|kr|tw|za|il|cz|sk|hu|ro|gr|tr|mx|ar|cl|lu|li|ee|lv|lt|si|hr|bg|rs|ua|vn|th|id|ph|my';
const HOST = new RegExp(`(?<![A-Za-z0-9._-])((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+(?:${TLDS}))(?![A-Za-z0-9_-]|\\.[A-Za-z0-9])`, 'g');
/** Public registries and Kubernetes' own domains: software, not an organisation. */
const PUBLIC_DOMAINS = ['k8s.io', 'kubernetes.io', 'x-k8s.io', 'docker.io', 'docker.com', 'ghcr.io', 'quay.io', 'gcr.io', 'pkg.dev', 'amazonaws.com', 'azurecr.io', 'azure.com', 'googleapis.com', 'github.com', 'github.io', 'cluster.local', 'cncf.io', 'projectcalico.org', 'tigera.io', 'cilium.io', 'istio.io', 'nginx.org', 'coreos.com'];
const isPublicDomain = (host: string) => PUBLIC_DOMAINS.some((d) => host === d || host.endsWith(`.${d}`));
const IPV4 = /(?<![0-9.])((?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3})(?![0-9]|\.[0-9])/g;
/** Addresses that mean something by themselves (bind to all, loopback, cloud metadata). */
const MEANINGFUL_IPS = new Set(['0.0.0.0', '127.0.0.1', '255.255.255.255', '169.254.169.254']);

/** Words that follow those kinds in prose, never names. */
const PROSE = new Set(['a', 'an', 'and', 'or', 'of', 'to', 'in', 'on', 'is', 'are', 'can', 'cannot', 'per', 'with', 'without', 'names', 'name', 'instead', 'bound', 'there', 'that', 'the', 'this', 'it', 'objects', 'object', 'ref', 'refs', 'kind']);

const trimName = (s: string): string => s.replace(/[.:]+$/, '');

export class NameCollector {
  readonly names = new Map<string, Category>();

  add(name: string | undefined, category: Category): void {
    if (!name) return;
    const n = name.trim();
    if (isPlatformName(n) || n.length > 1024) return;
    if (!this.names.has(n)) this.names.set(n, category);
  }

  ref(ref: ObjectRef): void {
    if (ref.namespace && !BUILTIN_NAMESPACES.has(ref.namespace)) this.add(ref.namespace, 'namespace');
    if (ref.kind === 'Namespace') {
      if (!BUILTIN_NAMESPACES.has(ref.name)) this.add(ref.name, 'namespace');
      return;
    }
    if (!keptObjectName(ref)) this.add(ref.name, categoryOfKind(ref.kind));
  }

  /** Host of a URL or `host:port` endpoint. */
  endpoint(s: string | undefined): void {
    if (!s) return;
    try {
      const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(s) ? s : `https://${s}`);
      this.add(url.hostname.replace(/^\[|\]$/g, ''), 'endpoint');
    } catch {
      this.add(s, 'endpoint');
    }
  }

  text(s: string): void {
    for (const m of s.matchAll(NAMESPACED_REF)) this.ref({ kind: m[1] as string, namespace: m[2] as string, name: trimName(m[3] as string) });
    for (const m of s.matchAll(BARE_REF)) {
      const name = trimName(m[2] as string);
      if (!PROSE.has(name) && /^[A-Za-z0-9]/.test(name)) this.ref({ kind: m[1] as string, name });
    }
    for (const m of s.matchAll(SA_USER)) this.ref({ kind: 'ServiceAccount', namespace: m[1] as string, name: trimName(m[2] as string) });
    for (const m of s.matchAll(NODE_USER)) this.add(trimName(m[1] as string), 'node');
    for (const m of s.matchAll(HOST)) if (!isPublicDomain(m[1] as string)) this.add(m[1], 'endpoint');
    for (const m of s.matchAll(IPV4)) if (!MEANINGFUL_IPS.has(m[1] as string)) this.add(m[1], 'endpoint');
  }
}

function eachString(value: unknown, fn: (s: string) => void): void {
  if (typeof value === 'string') fn(value);
  else if (Array.isArray(value)) for (const v of value) eachString(v, fn);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) eachString(v, fn);
}

export function collectNames(p: Posture): Map<string, Category> {
  const c = new NameCollector();
  c.add(p.cluster.context, 'context');
  c.endpoint(p.cluster.server);
  c.add(p.cluster.user, 'user');
  for (const e of p.architecture.controlPlane.externalEtcd ?? []) c.endpoint(e);

  for (const n of p.architecture.nodeGroups) for (const name of n.nodeNames) c.add(name, 'node');
  for (const comp of p.architecture.components) {
    c.add(comp.nodeName, 'node');
    if (comp.type === 'node') c.add(comp.name, 'node');
    const f = comp.facts;
    if (typeof f.node === 'string') c.add(f.node, 'node');
    const ns = typeof f.namespace === 'string' ? f.namespace : undefined;
    if (ns) c.ref({ kind: 'Namespace', name: ns });
    if (typeof f.pod === 'string') c.ref({ kind: 'Pod', namespace: ns, name: f.pod });
    if (typeof f.serviceAccount === 'string') c.ref({ kind: 'ServiceAccount', namespace: ns, name: f.serviceAccount });
    if (typeof f.context === 'string') c.add(f.context, 'context');
    if (typeof f.server === 'string') c.endpoint(f.server);
    for (const o of comp.objects) c.ref(o);
  }
  for (const f of p.findings) if (f.object) c.ref(f.object);
  for (const i of p.issues) {
    if (i.namespace) c.ref({ kind: 'Namespace', name: i.namespace });
    for (const ns of i.readNamespaces ?? []) c.ref({ kind: 'Namespace', name: ns });
  }

  eachString(p, (s) => c.text(s));
  return c.names;
}
