/**
 * Files the control-plane processes read: kubeconfigs, the audit policy, the encryption
 * configuration and the weak profile's static token file.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface KubeconfigUser {
  clientCert?: string;
  clientKey?: string;
  token?: string;
}

export function kubeconfigText(opts: { server: string; caFile: string; cluster: string; user: string; auth: KubeconfigUser; namespace?: string }): string {
  const ca = readFileSync(opts.caFile).toString('base64');
  const userLines = opts.auth.token
    ? [`    token: ${opts.auth.token}`]
    : [
        `    client-certificate-data: ${readFileSync(opts.auth.clientCert ?? '').toString('base64')}`,
        `    client-key-data: ${readFileSync(opts.auth.clientKey ?? '').toString('base64')}`,
      ];
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    `- name: ${opts.cluster}`,
    '  cluster:',
    `    server: ${opts.server}`,
    `    certificate-authority-data: ${ca}`,
    'users:',
    `- name: ${opts.user}`,
    '  user:',
    ...userLines,
    'contexts:',
    `- name: ${opts.user}@${opts.cluster}`,
    '  context:',
    `    cluster: ${opts.cluster}`,
    `    user: ${opts.user}`,
    ...(opts.namespace ? [`    namespace: ${opts.namespace}`] : []),
    `current-context: ${opts.user}@${opts.cluster}`,
    '',
  ].join('\n');
}

export function writeKubeconfig(path: string, text: string): void {
  writeFileSync(path, text, { mode: 0o600 });
}

const AUDIT_POLICY = `apiVersion: audit.k8s.io/v1
kind: Policy
# Secrets, ConfigMaps and TokenReviews only at Metadata level so no payload reaches the log.
omitStages: ["RequestReceived"]
rules:
- level: Metadata
  resources:
  - group: ""
    resources: ["secrets", "configmaps", "serviceaccounts/token"]
  - group: "authentication.k8s.io"
    resources: ["tokenreviews"]
- level: Metadata
`;

export function writeControlPlaneConfig(cfgDir: string, stateDir: string): void {
  mkdirSync(cfgDir, { recursive: true });
  mkdirSync(join(stateDir, 'audit'), { recursive: true });
  writeFileSync(join(cfgDir, 'audit-policy.yaml'), AUDIT_POLICY);
  const encPath = join(cfgDir, 'encryption-config.yaml');
  if (!existsSync(encPath)) {
    const key = randomBytes(32).toString('base64');
    writeFileSync(
      encPath,
      `apiVersion: apiserver.config.k8s.io/v1
kind: EncryptionConfiguration
resources:
- resources: ["secrets"]
  providers:
  - aescbc:
      keys:
      - name: key1
        secret: ${key}
  - identity: {}
`,
      { mode: 0o600 },
    );
  }
  const tokens = join(cfgDir, 'static-tokens.csv');
  if (!existsSync(tokens)) {
    // A long-lived static token: the weakness CIS 1.2.2 is about. The user has no RBAC rights.
    writeFileSync(tokens, `${randomBytes(16).toString('hex')},legacy-ci-bot,1001,"ci"\n`, { mode: 0o600 });
  }
}
