/**
 * The three security profiles of the local control plane. Each is a real configuration of real
 * processes: what a posture tool reads through the API is what actually runs.
 *
 * - hardened: what a careful kubeadm operator ships (CIS-aligned flags, etcd over mutual TLS,
 *   audit, encryption at rest, Pod Security, default-deny policies).
 * - weak: the opposite, every weakness real (anonymous access that can list pods, plain-http
 *   etcd, static tokens, alpha features and APIs, legacy TLS accepted, no audit).
 * - managed: looks like a hosted cluster: no control-plane node or pods are visible.
 */
import { join } from 'node:path';

export type ProfileName = 'hardened' | 'weak' | 'managed' | 'bench';
/** The three security profiles every test uses. */
export const PROFILES: readonly ProfileName[] = ['hardened', 'weak', 'managed'];
/**
 * Plus `bench`: hardened flags, no seeded scenario, and the workload controllers switched off so
 * the benchmark can load synthetic Deployments, ReplicaSets and pods that nothing reconciles.
 */
export const ALL_PROFILES: readonly ProfileName[] = [...PROFILES, 'bench'];

export interface Ports {
  apiserver: number;
  etcdClient: number;
  etcdPeer: number;
  controllerManager: number;
  scheduler: number;
}

/**
 * Profiles use disjoint ports so they can run side by side. KUBE_POSTURE_PORT_OFFSET shifts them
 * all, so a second checkout (or CI on a developer machine) can run its own clusters too.
 */
export function portsFor(profile: ProfileName, offset = Number.parseInt(process.env.KUBE_POSTURE_PORT_OFFSET ?? '0', 10) || 0): Ports {
  const base = 1000 * ALL_PROFILES.indexOf(profile) + offset;
  return {
    apiserver: 16443 + base,
    etcdClient: 12379 + base,
    etcdPeer: 12380 + base,
    controllerManager: 20257 + base,
    scheduler: 20259 + base,
  };
}

export interface ProfileSpec {
  name: ProfileName;
  ports: Ports;
  /** Control-plane components visible as mirror pods on node cp-1. */
  visibleControlPlane: boolean;
  etcdTls: boolean;
  apiserverFlags: string[];
  controllerManagerFlags: string[];
  schedulerFlags: string[];
  etcdFlags: string[];
}

const STRONG_CIPHERS = [
  'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256',
  'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256',
].join(',');

// RSA key exchange and CBC suites: accepted by the weak profile's API server on TLS 1.0+.
const WEAK_CIPHERS = ['TLS_RSA_WITH_AES_128_CBC_SHA', 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA', 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256'].join(',');

export function profileSpec(profile: ProfileName, stateDir: string): ProfileSpec {
  const ports = portsFor(profile);
  const bench = profile === 'bench';
  const name: Exclude<ProfileName, 'bench'> = bench ? 'hardened' : profile;
  const pki = join(stateDir, 'pki');
  const cfg = join(stateDir, 'config');
  const etcdTls = name === 'hardened';
  const etcdScheme = etcdTls ? 'https' : 'http';

  const common = [
    `--advertise-address=127.0.0.1`,
    `--bind-address=127.0.0.1`,
    `--secure-port=${ports.apiserver}`,
    `--endpoint-reconciler-type=none`,
    `--etcd-servers=${etcdScheme}://127.0.0.1:${ports.etcdClient}`,
    `--tls-cert-file=${pki}/apiserver.crt`,
    `--tls-private-key-file=${pki}/apiserver.key`,
    `--client-ca-file=${pki}/ca.crt`,
    `--service-account-issuer=https://kubernetes.default.svc.cluster.local`,
    `--service-account-key-file=${pki}/sa.pub`,
    `--service-account-signing-key-file=${pki}/sa.key`,
    `--service-cluster-ip-range=10.96.0.0/16`,
    `--allow-privileged=true`,
  ];

  const apiserver: Record<Exclude<ProfileName, 'bench'>, string[]> = {
    hardened: [
      ...common,
      `--anonymous-auth=false`,
      `--authorization-mode=Node,RBAC`,
      `--enable-admission-plugins=NodeRestriction,PodSecurity,DenyServiceExternalIPs`,
      `--profiling=false`,
      `--etcd-cafile=${pki}/etcd-ca.crt`,
      `--etcd-certfile=${pki}/apiserver-etcd-client.crt`,
      `--etcd-keyfile=${pki}/apiserver-etcd-client.key`,
      `--kubelet-client-certificate=${pki}/apiserver-kubelet-client.crt`,
      `--kubelet-client-key=${pki}/apiserver-kubelet-client.key`,
      `--kubelet-certificate-authority=${pki}/ca.crt`,
      `--tls-min-version=VersionTLS12`,
      `--tls-cipher-suites=${STRONG_CIPHERS}`,
      `--audit-policy-file=${cfg}/audit-policy.yaml`,
      `--audit-log-path=${stateDir}/audit/audit.log`,
      `--audit-log-maxage=30`,
      `--audit-log-maxbackup=10`,
      `--audit-log-maxsize=100`,
      `--encryption-provider-config=${cfg}/encryption-config.yaml`,
      `--service-account-lookup=true`,
      `--service-account-extend-token-expiration=false`,
      `--service-account-max-token-expiration=48h`,
      `--request-timeout=60s`,
    ],
    weak: [
      ...common,
      `--anonymous-auth=true`,
      // RBAC without the Node authorizer, and no NodeRestriction admission.
      `--authorization-mode=RBAC`,
      `--token-auth-file=${cfg}/static-tokens.csv`,
      `--profiling=true`,
      `--tls-min-version=VersionTLS10`,
      `--tls-cipher-suites=${WEAK_CIPHERS}`,
      // An alpha feature gate and the alpha API it serves.
      `--feature-gates=StorageVersionAPI=true`,
      `--runtime-config=internal.apiserver.k8s.io/v1alpha1=true`,
    ],
    managed: [
      ...common,
      `--anonymous-auth=true`,
      `--authorization-mode=Node,RBAC`,
      `--enable-admission-plugins=NodeRestriction`,
      `--profiling=false`,
      `--tls-min-version=VersionTLS12`,
      `--kubelet-client-certificate=${pki}/apiserver-kubelet-client.crt`,
      `--kubelet-client-key=${pki}/apiserver-kubelet-client.key`,
      `--audit-policy-file=${cfg}/audit-policy.yaml`,
      `--audit-log-path=${stateDir}/audit/audit.log`,
      `--audit-log-maxage=30`,
      `--audit-log-maxbackup=10`,
      `--audit-log-maxsize=100`,
    ],
  };

  const kubeconfigFlags = (file: string) => [
    `--kubeconfig=${cfg}/${file}`,
    `--authentication-kubeconfig=${cfg}/${file}`,
    `--authorization-kubeconfig=${cfg}/${file}`,
  ];
  const controllerManager = [
    ...kubeconfigFlags('controller-manager.kubeconfig'),
    `--bind-address=127.0.0.1`,
    `--secure-port=${ports.controllerManager}`,
    `--leader-elect=false`,
    `--service-account-private-key-file=${pki}/sa.key`,
    `--root-ca-file=${pki}/ca.crt`,
    `--cluster-signing-cert-file=${pki}/ca.crt`,
    `--cluster-signing-key-file=${pki}/ca.key`,
    `--service-cluster-ip-range=10.96.0.0/16`,
    bench
      ? `--controllers=*,bootstrapsigner,tokencleaner,-deployment-controller,-replicaset-controller,-daemonset-controller,-statefulset-controller,-job-controller,-cronjob-controller,-endpointslice-controller,-endpoints-controller,-garbage-collector-controller`
      : `--controllers=*,bootstrapsigner,tokencleaner`,
    // Per-controller service-account credentials in every profile: with one shared identity the
    // built-in system:kube-controller-manager role cannot run the workload controllers.
    `--use-service-account-credentials=true`,
    ...(name === 'weak' ? [`--profiling=true`] : [`--profiling=false`, `--terminated-pod-gc-threshold=1000`]),
  ];
  const scheduler = [
    ...kubeconfigFlags('scheduler.kubeconfig'),
    `--bind-address=127.0.0.1`,
    `--secure-port=${ports.scheduler}`,
    `--leader-elect=false`,
    `--profiling=${name === 'weak' ? 'true' : 'false'}`,
  ];

  const etcdData = join(stateDir, 'etcd');
  const etcd = etcdTls
    ? [
        `--name=cp-1`,
        `--data-dir=${etcdData}`,
        `--listen-client-urls=https://127.0.0.1:${ports.etcdClient}`,
        `--advertise-client-urls=https://127.0.0.1:${ports.etcdClient}`,
        `--listen-peer-urls=https://127.0.0.1:${ports.etcdPeer}`,
        `--initial-advertise-peer-urls=https://127.0.0.1:${ports.etcdPeer}`,
        `--initial-cluster=cp-1=https://127.0.0.1:${ports.etcdPeer}`,
        `--initial-cluster-state=new`,
        `--cert-file=${pki}/etcd-server.crt`,
        `--key-file=${pki}/etcd-server.key`,
        `--client-cert-auth=true`,
        `--trusted-ca-file=${pki}/etcd-ca.crt`,
        `--peer-cert-file=${pki}/etcd-peer.crt`,
        `--peer-key-file=${pki}/etcd-peer.key`,
        `--peer-client-cert-auth=true`,
        `--peer-trusted-ca-file=${pki}/etcd-ca.crt`,
        `--auto-compaction-retention=1`,
        `--quota-backend-bytes=8589934592`,
        `--unsafe-no-fsync=true`,
      ]
    : [
        `--name=cp-1`,
        `--data-dir=${etcdData}`,
        `--listen-client-urls=http://127.0.0.1:${ports.etcdClient}`,
        `--advertise-client-urls=http://127.0.0.1:${ports.etcdClient}`,
        `--listen-peer-urls=http://127.0.0.1:${ports.etcdPeer}`,
        `--initial-advertise-peer-urls=http://127.0.0.1:${ports.etcdPeer}`,
        `--initial-cluster=cp-1=http://127.0.0.1:${ports.etcdPeer}`,
        `--initial-cluster-state=new`,
        `--auto-compaction-retention=1`,
        `--quota-backend-bytes=8589934592`,
        `--unsafe-no-fsync=true`,
      ];

  if (bench) {
    // Room for a 150,000-pod cluster; bigger watch caches for the large lists.
    apiserver.hardened.push('--max-requests-inflight=800', '--max-mutating-requests-inflight=400');
  }
  return {
    name: profile,
    ports,
    visibleControlPlane: name !== 'managed',
    etcdTls,
    apiserverFlags: apiserver[name],
    controllerManagerFlags: controllerManager,
    schedulerFlags: scheduler,
    etcdFlags: etcd,
  };
}
