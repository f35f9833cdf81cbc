/**
 * The cluster catalogue: RBAC, workloads, resources, network, credentials and add-ons. One check
 * per file, named by its id; order here is display order. Each check cites the row of
 * reference/checks-catalog.md it implements through a `kube-posture catalogue` reference.
 */
import type { CheckDefinition } from '../../types';
import rbacClusterAdminBindings from './rbac-cluster-admin-bindings';
import rbacSecretsAccess from './rbac-secrets-access';
import rbacWildcards from './rbac-wildcards';
import rbacCreatePods from './rbac-create-pods';
import rbacDefaultServiceAccount from './rbac-default-service-account';
import rbacTokenAutomount from './rbac-token-automount';
import rbacSystemMasters from './rbac-system-masters';
import rbacBindEscalateImpersonate from './rbac-bind-escalate-impersonate';
import rbacCreatePersistentVolumes from './rbac-create-persistent-volumes';
import rbacNodesProxy from './rbac-nodes-proxy';
import rbacCsrApproval from './rbac-csr-approval';
import rbacAdmissionConfigWrite from './rbac-admission-config-write';
import rbacTokenCreate from './rbac-token-create';
import rbacAnonymousBindings from './rbac-anonymous-bindings';
import rbacAuthenticatedGrants from './rbac-authenticated-grants';
import rbacPodExecAttach from './rbac-pod-exec-attach';
import rbacDeleteEventsLogs from './rbac-delete-events-logs';
import workloadTakeoverServiceAccount from './workload-takeover-service-account';
import podAdmissionPolicy from './pod-admission-policy';
import namespacePodSecurityLevel from './namespace-pod-security-level';
import workloadPrivileged from './workload-privileged';
import workloadHostPidIpc from './workload-host-pid-ipc';
import workloadHostNetwork from './workload-host-network';
import workloadPrivilegeEscalation from './workload-privilege-escalation';
import workloadRunAsRoot from './workload-run-as-root';
import workloadCapabilities from './workload-capabilities';
import workloadWindowsHostprocess from './workload-windows-hostprocess';
import workloadHostPath from './workload-host-path';
import runtimeSocketMount from './runtime-socket-mount';
import workloadHostPort from './workload-host-port';
import workloadSeccomp from './workload-seccomp';
import workloadApparmorSelinux from './workload-apparmor-selinux';
import workloadReadOnlyRootFs from './workload-read-only-root-fs';
import workloadSysctlsProcmount from './workload-sysctls-procmount';
import workloadSecretsInEnv from './workload-secrets-in-env';
import workloadImagePinning from './workload-image-pinning';
import workloadNamespacePlacement from './workload-namespace-placement';
import workloadNakedPods from './workload-naked-pods';
import runtimeSandboxClass from './runtime-sandbox-class';
import namespaceResourceQuota from './namespace-resource-quota';
import namespaceLimitRange from './namespace-limit-range';
import workloadResourceLimits from './workload-resource-limits';
import resourceQuotaHeadroom from './resource-quota-headroom';
import cniEnforcesNetworkPolicy from './cni-enforces-network-policy';
import namespaceNetworkPolicy from './namespace-network-policy';
import namespaceDefaultDeny from './namespace-default-deny';
import workloadNetworkPolicy from './workload-network-policy';
import networkPolicyDangling from './network-policy-dangling';
import cloudMetadataEgress from './cloud-metadata-egress';
import externalExposure from './external-exposure';
import serviceExternalIps from './service-external-ips';
import legacyServiceAccountTokens from './legacy-service-account-tokens';
import bootstrapTokens from './bootstrap-tokens';
import dashboardExposure from './dashboard-exposure';
import corednsConfigWrite from './coredns-config-write';
import ingressNginxSnippets from './ingress-nginx-snippets';
import admissionWebhookFailurePolicy from './admission-webhook-failure-policy';
import helmTiller from './helm-tiller';

export const CLUSTER_CHECKS: readonly CheckDefinition[] = [
  // RBAC, authentication and service accounts
  rbacClusterAdminBindings,
  rbacSecretsAccess,
  rbacWildcards,
  rbacCreatePods,
  rbacDefaultServiceAccount,
  rbacTokenAutomount,
  rbacSystemMasters,
  rbacBindEscalateImpersonate,
  rbacCreatePersistentVolumes,
  rbacNodesProxy,
  rbacCsrApproval,
  rbacAdmissionConfigWrite,
  rbacTokenCreate,
  rbacAnonymousBindings,
  rbacAuthenticatedGrants,
  rbacPodExecAttach,
  rbacDeleteEventsLogs,
  workloadTakeoverServiceAccount,

  // Workloads and pod security
  podAdmissionPolicy,
  namespacePodSecurityLevel,
  workloadPrivileged,
  workloadHostPidIpc,
  workloadHostNetwork,
  workloadPrivilegeEscalation,
  workloadRunAsRoot,
  workloadCapabilities,
  workloadWindowsHostprocess,
  workloadHostPath,
  runtimeSocketMount,
  workloadHostPort,
  workloadSeccomp,
  workloadApparmorSelinux,
  workloadReadOnlyRootFs,
  workloadSysctlsProcmount,
  workloadSecretsInEnv,
  workloadImagePinning,
  workloadNamespacePlacement,
  workloadNakedPods,
  runtimeSandboxClass,

  // Resources
  namespaceResourceQuota,
  namespaceLimitRange,
  workloadResourceLimits,
  resourceQuotaHeadroom,

  // Network
  cniEnforcesNetworkPolicy,
  namespaceNetworkPolicy,
  namespaceDefaultDeny,
  workloadNetworkPolicy,
  networkPolicyDangling,
  cloudMetadataEgress,
  externalExposure,
  serviceExternalIps,

  // Credentials
  legacyServiceAccountTokens,
  bootstrapTokens,

  // Add-ons
  dashboardExposure,
  corednsConfigWrite,
  ingressNginxSnippets,
  admissionWebhookFailurePolicy,
  helmTiller,
];
