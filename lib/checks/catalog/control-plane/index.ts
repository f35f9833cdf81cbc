/**
 * Control-plane, node and version checks (one file per check; the file name is the check id).
 * Order here is the catalogue order: API server, etcd, scheduler/controller managers, kubelet,
 * kube-proxy, runtime and node, audit, features, certificates, versions and CVEs.
 */
import type { CheckDefinition } from '../../types';
import apiserverAnonymousAuth from './apiserver-anonymous-auth';
import apiserverTokenAuthFile from './apiserver-token-auth-file';
import apiserverAuthorizationMode from './apiserver-authorization-mode';
import apiserverAlwaysAdmit from './apiserver-always-admit';
import apiserverNodeRestriction from './apiserver-node-restriction';
import apiserverAdmissionServiceAccount from './apiserver-admission-service-account';
import apiserverAdmissionNamespaceLifecycle from './apiserver-admission-namespace-lifecycle';
import apiserverDenyExternalIps from './apiserver-deny-external-ips';
import apiserverProfiling from './apiserver-profiling';
import apiserverServiceAccountLookup from './apiserver-service-account-lookup';
import apiserverServiceAccountKeyFile from './apiserver-service-account-key-file';
import apiserverExtendTokenExpiration from './apiserver-extend-token-expiration';
import apiserverMaxTokenExpiration from './apiserver-max-token-expiration';
import apiserverEtcdTls from './apiserver-etcd-tls';
import apiserverServingTls from './apiserver-serving-tls';
import apiserverClientCa from './apiserver-client-ca';
import apiserverKubeletClientCert from './apiserver-kubelet-client-cert';
import apiserverKubeletCertificateAuthority from './apiserver-kubelet-certificate-authority';
import apiserverTlsMinVersion from './apiserver-tls-min-version';
import apiserverTlsCipherSuites from './apiserver-tls-cipher-suites';
import apiserverInsecurePort from './apiserver-insecure-port';
import apiserverEncryptionAtRest from './apiserver-encryption-at-rest';
import apiserverRequestTimeout from './apiserver-request-timeout';
import etcdClientTls from './etcd-client-tls';
import etcdClientCertAuth from './etcd-client-cert-auth';
import etcdAutoTls from './etcd-auto-tls';
import etcdPeerTls from './etcd-peer-tls';
import etcdUniqueCa from './etcd-unique-ca';
import etcdListenClientUrls from './etcd-listen-client-urls';
import etcdDataDirPermissions from './etcd-data-dir-permissions';
import schedulerProfiling from './scheduler-profiling';
import schedulerBindAddress from './scheduler-bind-address';
import controllerManagerProfiling from './controller-manager-profiling';
import controllerManagerServiceAccountCredentials from './controller-manager-service-account-credentials';
import controllerManagerServiceAccountPrivateKey from './controller-manager-service-account-private-key';
import controllerManagerRootCaFile from './controller-manager-root-ca-file';
import controllerManagerRotateKubeletServerCert from './controller-manager-rotate-kubelet-server-cert';
import controllerManagerBindAddress from './controller-manager-bind-address';
import cloudControllerManagerHygiene from './cloud-controller-manager-hygiene';
import controlPlaneFilePermissions from './control-plane-file-permissions';
import kubeletAnonymousAuth from './kubelet-anonymous-auth';
import kubeletAuthorizationMode from './kubelet-authorization-mode';
import kubeletClientCa from './kubelet-client-ca';
import kubeletReadOnlyPort from './kubelet-read-only-port';
import kubeletStreamingIdleTimeout from './kubelet-streaming-idle-timeout';
import kubeletIptablesUtilChains from './kubelet-iptables-util-chains';
import kubeletProtectKernelDefaults from './kubelet-protect-kernel-defaults';
import kubeletEventRecordQps from './kubelet-event-record-qps';
import kubeletServingTls from './kubelet-serving-tls';
import kubeletRotateCertificates from './kubelet-rotate-certificates';
import kubeletTlsCipherSuites from './kubelet-tls-cipher-suites';
import kubeletPodPidsLimit from './kubelet-pod-pids-limit';
import kubeletSeccompDefault from './kubelet-seccomp-default';
import kubeletHostnameOverride from './kubelet-hostname-override';
import kubeletFilePermissions from './kubelet-file-permissions';
import kubeProxyMetricsBindAddress from './kube-proxy-metrics-bind-address';
import containerRuntimeCve from './container-runtime-cve';
import nodeKernelCve from './node-kernel-cve';
import nodeOsSupported from './node-os-supported';
import apiserverAuditLogging from './apiserver-audit-logging';
import apiserverAuditLogRetention from './apiserver-audit-log-retention';
import alphaFeatureGates from './alpha-feature-gates';
import alphaApisServed from './alpha-apis-served';
import deprecatedApisRequested from './deprecated-apis-requested';
import apiserverServingCertificate from './apiserver-serving-certificate';
import clusterCaExpiry from './cluster-ca-expiry';
import kubeletCsrHealth from './kubelet-csr-health';
import kubernetesVersionSupported from './kubernetes-version-supported';
import kubeletVersionSkew from './kubelet-version-skew';
import apiserverCve from './apiserver-cve';
import kubeletCve from './kubelet-cve';
import kubeProxyCve from './kube-proxy-cve';
import corednsCve from './coredns-cve';
import ingressNginxCve from './ingress-nginx-cve';

export const CONTROL_PLANE_CHECKS: readonly CheckDefinition[] = [
  apiserverAnonymousAuth,
  apiserverTokenAuthFile,
  apiserverAuthorizationMode,
  apiserverAlwaysAdmit,
  apiserverNodeRestriction,
  apiserverAdmissionServiceAccount,
  apiserverAdmissionNamespaceLifecycle,
  apiserverDenyExternalIps,
  apiserverProfiling,
  apiserverServiceAccountLookup,
  apiserverServiceAccountKeyFile,
  apiserverExtendTokenExpiration,
  apiserverMaxTokenExpiration,
  apiserverEtcdTls,
  apiserverServingTls,
  apiserverClientCa,
  apiserverKubeletClientCert,
  apiserverKubeletCertificateAuthority,
  apiserverTlsMinVersion,
  apiserverTlsCipherSuites,
  apiserverInsecurePort,
  apiserverEncryptionAtRest,
  apiserverRequestTimeout,
  etcdClientTls,
  etcdClientCertAuth,
  etcdAutoTls,
  etcdPeerTls,
  etcdUniqueCa,
  etcdListenClientUrls,
  etcdDataDirPermissions,
  schedulerProfiling,
  schedulerBindAddress,
  controllerManagerProfiling,
  controllerManagerServiceAccountCredentials,
  controllerManagerServiceAccountPrivateKey,
  controllerManagerRootCaFile,
  controllerManagerRotateKubeletServerCert,
  controllerManagerBindAddress,
  cloudControllerManagerHygiene,
  controlPlaneFilePermissions,
  kubeletAnonymousAuth,
  kubeletAuthorizationMode,
  kubeletClientCa,
  kubeletReadOnlyPort,
  kubeletStreamingIdleTimeout,
  kubeletIptablesUtilChains,
  kubeletProtectKernelDefaults,
  kubeletEventRecordQps,
  kubeletServingTls,
  kubeletRotateCertificates,
  kubeletTlsCipherSuites,
  kubeletPodPidsLimit,
  kubeletSeccompDefault,
  kubeletHostnameOverride,
  kubeletFilePermissions,
  kubeProxyMetricsBindAddress,
  containerRuntimeCve,
  nodeKernelCve,
  nodeOsSupported,
  apiserverAuditLogging,
  apiserverAuditLogRetention,
  alphaFeatureGates,
  alphaApisServed,
  deprecatedApisRequested,
  apiserverServingCertificate,
  clusterCaExpiry,
  kubeletCsrHealth,
  kubernetesVersionSupported,
  kubeletVersionSkew,
  apiserverCve,
  kubeletCve,
  kubeProxyCve,
  corednsCve,
  ingressNginxCve,
];
