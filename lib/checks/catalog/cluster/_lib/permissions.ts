/** The sensitive permissions the RBAC checks look for, as data. */
import type { Permission } from './rbac';

const core = (resource: string) => ({ group: '', resource });
const apps = (resource: string) => ({ group: 'apps', resource });
const batch = (resource: string) => ({ group: 'batch', resource });

export const READ_SECRETS: Permission = {
  label: 'read Secrets',
  verbs: ['get', 'list', 'watch'],
  targets: [core('secrets')],
};

export const CREATE_WORKLOADS: Permission = {
  label: 'create pods or pod controllers',
  verbs: ['create'],
  targets: [
    core('pods'),
    core('replicationcontrollers'),
    apps('deployments'),
    apps('daemonsets'),
    apps('statefulsets'),
    apps('replicasets'),
    batch('jobs'),
    batch('cronjobs'),
  ],
};

export const ESCALATE_BIND: Permission = {
  label: 'bind or escalate roles',
  verbs: ['bind', 'escalate'],
  targets: [
    { group: 'rbac.authorization.k8s.io', resource: 'roles' },
    { group: 'rbac.authorization.k8s.io', resource: 'clusterroles' },
  ],
};

export const IMPERSONATE: Permission = {
  label: 'impersonate users, groups or service accounts',
  verbs: ['impersonate'],
  targets: [
    core('users'),
    core('groups'),
    core('serviceaccounts'),
    { group: 'authentication.k8s.io', resource: 'userextras/scopes' },
    { group: 'authentication.k8s.io', resource: 'uids' },
  ],
};

export const CREATE_PV: Permission = {
  label: 'create PersistentVolumes',
  verbs: ['create'],
  targets: [core('persistentvolumes')],
  clusterScoped: true,
};

export const NODES_PROXY: Permission = {
  label: 'use the nodes/proxy subresource (kubelet API, including exec)',
  verbs: ['get', 'create', 'update', 'patch', 'delete', 'list', 'watch'],
  targets: [core('nodes/proxy')],
  clusterScoped: true,
};

export const CSR_APPROVE: Permission = {
  label: 'approve CertificateSigningRequests',
  verbs: ['update', 'patch'],
  targets: [{ group: 'certificates.k8s.io', resource: 'certificatesigningrequests/approval' }],
  clusterScoped: true,
};

export const SIGNER_APPROVE: Permission = {
  label: 'approve for a signer',
  verbs: ['approve'],
  targets: [{ group: 'certificates.k8s.io', resource: 'signers' }],
  clusterScoped: true,
};

const admission = (resource: string) => ({ group: 'admissionregistration.k8s.io', resource });
export const WRITE_ADMISSION: Permission = {
  label: 'change admission webhooks or policies',
  verbs: ['create', 'update', 'patch', 'delete', 'deletecollection'],
  targets: [
    admission('validatingwebhookconfigurations'),
    admission('mutatingwebhookconfigurations'),
    admission('validatingadmissionpolicies'),
    admission('validatingadmissionpolicybindings'),
  ],
  clusterScoped: true,
};

export const CREATE_SA_TOKEN: Permission = {
  label: 'mint service account tokens',
  verbs: ['create'],
  targets: [core('serviceaccounts/token')],
};

export const EXEC_ATTACH: Permission = {
  // `get` counts: before kubernetes/kubernetes#136550 a WebSocket upgrade over GET was enough.
  label: 'exec, attach or port-forward into pods',
  verbs: ['create', 'get'],
  targets: [core('pods/exec'), core('pods/attach'), core('pods/portforward')],
};

export const DELETE_EVIDENCE: Permission = {
  label: 'delete events or pod logs',
  verbs: ['delete', 'deletecollection'],
  targets: [core('events'), { group: 'events.k8s.io', resource: 'events' }, core('pods/log')],
};

/** Full control: `*` verbs on `*` resources in `*` groups, i.e. cluster-admin in all but name. */
export const EVERYTHING: Permission = {
  label: 'do anything',
  verbs: ['*'],
  targets: [{ group: '*', resource: '*' }],
};

/**
 * Permissions that let a holder take over the cluster (or a namespace) outright. rbac-authenticated-grants and workload-takeover-service-account
 * use them to decide whether a grant is "sensitive".
 */
export const TAKEOVER: Permission[] = [
  READ_SECRETS,
  CREATE_WORKLOADS,
  ESCALATE_BIND,
  IMPERSONATE,
  NODES_PROXY,
  CSR_APPROVE,
  WRITE_ADMISSION,
  CREATE_SA_TOKEN,
  EXEC_ATTACH,
];
