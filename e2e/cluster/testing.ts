/**
 * Helpers for integration tests that run against the local control plane started by
 * `npm run cluster -- up` (the test command starts all three profiles first).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import { paths, stateDirFor } from './cluster.ts';
import { Kubectl } from './kubectl.ts';
import { portsFor, type ProfileName } from './profiles.ts';

export function binDir(): string {
  return execFileSync('bash', [join(import.meta.dirname, 'build-binaries.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
    .trim()
    .split('\n')
    .pop() as string;
}

export function clusterFor(profile: ProfileName) {
  const p = paths(profile, binDir());
  if (!existsSync(p.admin)) throw new Error(`profile ${profile} is not running: start it with \`npm run cluster -- up --profile ${profile}\``);
  const kubectlBin = join(p.binDir, 'kubectl');
  return {
    ...p,
    server: `https://127.0.0.1:${portsFor(profile).apiserver}`,
    ports: portsFor(profile),
    caFile: join(stateDirFor(profile), 'pki', 'ca.crt'),
    pki: join(stateDirFor(profile), 'pki'),
    kubectl: new Kubectl(kubectlBin, p.admin),
    as: (kubeconfig: string) => new Kubectl(kubectlBin, kubeconfig),
  };
}

export interface RawResponse {
  status: number;
  body: string;
}

/** An HTTPS GET that trusts the cluster CA and sends no credentials unless given. */
export function rawGet(url: string, opts: { ca?: Buffer; cert?: Buffer; key?: Buffer; minVersion?: 'TLSv1' | 'TLSv1.2'; maxVersion?: 'TLSv1' | 'TLSv1.1' | 'TLSv1.3'; ciphers?: string } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { ca: opts.ca, cert: opts.cert, key: opts.key, minVersion: opts.minVersion, maxVersion: opts.maxVersion, ciphers: opts.ciphers, timeout: 5000 },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end();
  });
}

export function readPem(file: string): Buffer {
  return readFileSync(file);
}
