/**
 * What the collector lists: one cluster-wide, paginated LIST per kind. The projection of each
 * item is chosen by `kind` (lib/k8s/projection). Secrets are read as metadata only, per type.
 */
export interface ListSpec {
  /** Kind as the projection knows it (`Pod`, `ClusterRole`, …); also the CollectionIssue kind. */
  kind: string;
  /** Human plural for messages ("cannot list rolebindings"). */
  plural: string;
  path: string;
  /** Extra query, e.g. a field selector. */
  query?: Record<string, string>;
  /** Accept header; metadata-only lists use PartialObjectMetadataList. */
  accept?: string;
  /** Fields to add to every item (metadata-only lists carry no `type`). */
  stamp?: Record<string, string>;
  /** Counted in stats.objects under this key (defaults to kind). */
  statKey?: string;
  /** Namespaced kinds can fall back to per-namespace lists when a cluster-wide list is forbidden. */
  namespaced?: boolean;
}

/** `/apis/apps/v1/deployments` → `/apis/apps/v1/namespaces/<ns>/deployments`. */
export function namespacedPath(spec: ListSpec, namespace: string): string {
  const i = spec.path.lastIndexOf('/');
  return `${spec.path.slice(0, i)}/namespaces/${encodeURIComponent(namespace)}${spec.path.slice(i)}`;
}

const CLUSTER_SCOPED = new Set(['Node', 'Namespace', 'ClusterRole', 'ClusterRoleBinding', 'CertificateSigningRequest', 'ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration', 'RuntimeClass', 'APIService']);

const METADATA_ONLY = 'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json';

const LIST_SPECS: readonly ListSpec[] = [
  { kind: 'Node', plural: 'nodes', path: '/api/v1/nodes' },
  { kind: 'Namespace', plural: 'namespaces', path: '/api/v1/namespaces' },
  { kind: 'Pod', plural: 'pods', path: '/api/v1/pods' },
  { kind: 'Deployment', plural: 'deployments', path: '/apis/apps/v1/deployments' },
  { kind: 'DaemonSet', plural: 'daemonsets', path: '/apis/apps/v1/daemonsets' },
  { kind: 'StatefulSet', plural: 'statefulsets', path: '/apis/apps/v1/statefulsets' },
  { kind: 'ReplicaSet', plural: 'replicasets', path: '/apis/apps/v1/replicasets' },
  { kind: 'Job', plural: 'jobs', path: '/apis/batch/v1/jobs' },
  { kind: 'CronJob', plural: 'cronjobs', path: '/apis/batch/v1/cronjobs' },
  { kind: 'Service', plural: 'services', path: '/api/v1/services' },
  { kind: 'Ingress', plural: 'ingresses', path: '/apis/networking.k8s.io/v1/ingresses' },
  { kind: 'NetworkPolicy', plural: 'networkpolicies', path: '/apis/networking.k8s.io/v1/networkpolicies' },
  { kind: 'ResourceQuota', plural: 'resourcequotas', path: '/api/v1/resourcequotas' },
  { kind: 'LimitRange', plural: 'limitranges', path: '/api/v1/limitranges' },
  { kind: 'ServiceAccount', plural: 'serviceaccounts', path: '/api/v1/serviceaccounts' },
  { kind: 'Role', plural: 'roles', path: '/apis/rbac.authorization.k8s.io/v1/roles' },
  { kind: 'ClusterRole', plural: 'clusterroles', path: '/apis/rbac.authorization.k8s.io/v1/clusterroles' },
  { kind: 'RoleBinding', plural: 'rolebindings', path: '/apis/rbac.authorization.k8s.io/v1/rolebindings' },
  { kind: 'ClusterRoleBinding', plural: 'clusterrolebindings', path: '/apis/rbac.authorization.k8s.io/v1/clusterrolebindings' },
  { kind: 'CertificateSigningRequest', plural: 'certificatesigningrequests', path: '/apis/certificates.k8s.io/v1/certificatesigningrequests' },
  { kind: 'ValidatingWebhookConfiguration', plural: 'validatingwebhookconfigurations', path: '/apis/admissionregistration.k8s.io/v1/validatingwebhookconfigurations' },
  { kind: 'MutatingWebhookConfiguration', plural: 'mutatingwebhookconfigurations', path: '/apis/admissionregistration.k8s.io/v1/mutatingwebhookconfigurations' },
  { kind: 'RuntimeClass', plural: 'runtimeclasses', path: '/apis/node.k8s.io/v1/runtimeclasses' },
  { kind: 'APIService', plural: 'apiservices', path: '/apis/apiregistration.k8s.io/v1/apiservices' },
];

export const LISTS: readonly ListSpec[] = LIST_SPECS.map((s) => ({ ...s, namespaced: !CLUSTER_SCOPED.has(s.kind) }));

/** Secret metadata for the credential checks: only these two types, never data. */
export const SECRET_LISTS: readonly ListSpec[] = [
  {
    kind: 'Secret',
    plural: 'secrets',
    path: '/api/v1/secrets',
    query: { fieldSelector: 'type=kubernetes.io/service-account-token' },
    accept: METADATA_ONLY,
    stamp: { type: 'kubernetes.io/service-account-token' },
    namespaced: true,
  },
  {
    kind: 'Secret',
    plural: 'secrets',
    path: '/api/v1/secrets',
    query: { fieldSelector: 'type=bootstrap.kubernetes.io/token' },
    accept: METADATA_ONLY,
    stamp: { type: 'bootstrap.kubernetes.io/token' },
    namespaced: true,
  },
];

/** The kube-system ConfigMaps whose config keys checks read (and nothing else of them). */
export const CONFIG_MAPS: readonly string[] = ['kubeadm-config', 'kubelet-config', 'kube-proxy', 'kube-root-ca.crt'];
