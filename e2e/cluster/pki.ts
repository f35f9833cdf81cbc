/**
 * Certificates for the local control plane, made with plain openssl: a cluster CA, an etcd CA
 * (hardened profile), serving and client certificates, and the service-account key pair.
 * Files are written once per state directory and reused on later `up`s.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CertSpec {
  /** File stem under pki/: writes <name>.crt and <name>.key. */
  name: string;
  cn: string;
  orgs?: string[];
  /** DNS and IP SANs; presence makes it a serving certificate. */
  dns?: string[];
  ips?: string[];
  client?: boolean;
  server?: boolean;
  /** CA stem to sign with (default `ca`). */
  ca?: string;
}

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}

export function ensureCa(dir: string, name: string, cn: string): void {
  if (existsSync(join(dir, `${name}.crt`))) return;
  openssl(['genrsa', '-out', `${name}.key`, '2048'], dir);
  openssl(
    ['req', '-x509', '-new', '-nodes', '-key', `${name}.key`, '-sha256', '-days', '3650', '-subj', `/CN=${cn}`, '-out', `${name}.crt`,
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign,digitalSignature'],
    dir,
  );
}

export function ensureCert(dir: string, spec: CertSpec): void {
  if (existsSync(join(dir, `${spec.name}.crt`))) return;
  const ca = spec.ca ?? 'ca';
  const subject = `/${(spec.orgs ?? []).map((o) => `O=${o}/`).join('')}CN=${spec.cn}`;
  const usages = [spec.server ? 'serverAuth' : '', spec.client ? 'clientAuth' : ''].filter(Boolean).join(',');
  const sans = [...(spec.dns ?? []).map((d) => `DNS:${d}`), ...(spec.ips ?? []).map((ip) => `IP:${ip}`)];
  const ext = [
    'basicConstraints=critical,CA:FALSE',
    'keyUsage=critical,digitalSignature,keyEncipherment',
    `extendedKeyUsage=${usages || 'clientAuth'}`,
    ...(sans.length ? [`subjectAltName=${sans.join(',')}`] : []),
  ].join('\n');
  const extFile = `${spec.name}.ext`;
  writeFileSync(join(dir, extFile), ext + '\n');
  openssl(['genrsa', '-out', `${spec.name}.key`, '2048'], dir);
  openssl(['req', '-new', '-key', `${spec.name}.key`, '-subj', subject, '-out', `${spec.name}.csr`], dir);
  openssl(
    ['x509', '-req', '-in', `${spec.name}.csr`, '-CA', `${ca}.crt`, '-CAkey', `${ca}.key`, '-CAcreateserial', '-days', '825', '-sha256',
      '-extfile', extFile, '-out', `${spec.name}.crt`],
    dir,
  );
}

export function ensureServiceAccountKeys(dir: string): void {
  if (existsSync(join(dir, 'sa.key'))) return;
  openssl(['genrsa', '-out', 'sa.key', '2048'], dir);
  openssl(['rsa', '-in', 'sa.key', '-pubout', '-out', 'sa.pub'], dir);
}

/** Every certificate a profile needs. etcd TLS material is made for all profiles; only some use it. */
export function ensurePki(pkiDir: string): void {
  mkdirSync(pkiDir, { recursive: true });
  ensureCa(pkiDir, 'ca', 'kubernetes');
  ensureCa(pkiDir, 'etcd-ca', 'etcd-ca');
  ensureServiceAccountKeys(pkiDir);
  const apiserverDns = ['localhost', 'kubernetes', 'kubernetes.default', 'kubernetes.default.svc', 'kubernetes.default.svc.cluster.local', 'cp-1'];
  const certs: CertSpec[] = [
    { name: 'apiserver', cn: 'kube-apiserver', dns: apiserverDns, ips: ['127.0.0.1', '10.96.0.1'], server: true },
    { name: 'apiserver-kubelet-client', cn: 'kube-apiserver-kubelet-client', orgs: ['kubeadm:cluster-admins'], client: true },
    { name: 'apiserver-etcd-client', cn: 'kube-apiserver-etcd-client', client: true, ca: 'etcd-ca' },
    { name: 'etcd-server', cn: 'cp-1', dns: ['localhost', 'cp-1'], ips: ['127.0.0.1'], server: true, client: true, ca: 'etcd-ca' },
    { name: 'etcd-peer', cn: 'cp-1', dns: ['localhost', 'cp-1'], ips: ['127.0.0.1'], server: true, client: true, ca: 'etcd-ca' },
    { name: 'etcd-healthcheck-client', cn: 'kube-etcd-healthcheck-client', client: true, ca: 'etcd-ca' },
    { name: 'admin', cn: 'kubernetes-admin', orgs: ['system:masters'], client: true },
    { name: 'controller-manager', cn: 'system:kube-controller-manager', client: true },
    { name: 'scheduler', cn: 'system:kube-scheduler', client: true },
    // kwok plays every kubelet: it updates node and pod status for all nodes, so it needs broad rights.
    { name: 'kwok', cn: 'kwok-controller', orgs: ['system:masters'], client: true },
    { name: 'restricted', cn: 'restricted-user', orgs: ['team-a-readers'], client: true },
  ];
  for (const c of certs) ensureCert(pkiDir, c);
}
