/**
 * The transport's identity override (in-cluster mode): a user's token replaces the kubeconfig's
 * credentials, client certificate included; impersonation sends one Impersonate-Group header line
 * per group. Checked on the wire with a local HTTPS server that records raw headers.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyAuth, Transport } from './transport';

const dir = mkdtempSync(join(tmpdir(), 'kp-transport-auth-'));
const openssl = (args: string[]) => execFileSync('openssl', args, { stdio: 'ignore' });
openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'ca.key'), '-out', join(dir, 'ca.pem'), '-subj', '/CN=test-ca', '-days', '1']);
openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'server.key'), '-out', join(dir, 'server.csr'), '-subj', '/CN=127.0.0.1']);
execFileSync('bash', ['-c', `printf 'subjectAltName=IP:127.0.0.1\\n' > ${dir}/san.ext`]);
openssl(['x509', '-req', '-in', join(dir, 'server.csr'), '-CA', join(dir, 'ca.pem'), '-CAkey', join(dir, 'ca.key'), '-CAcreateserial', '-out', join(dir, 'server.pem'), '-days', '1', '-extfile', join(dir, 'san.ext')]);
openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'client.key'), '-out', join(dir, 'client.csr'), '-subj', '/CN=dashboard']);
openssl(['x509', '-req', '-in', join(dir, 'client.csr'), '-CA', join(dir, 'ca.pem'), '-CAkey', join(dir, 'ca.key'), '-CAcreateserial', '-out', join(dir, 'client.pem'), '-days', '1']);
const pem = (f: string) => readFileSync(join(dir, f));

let server: Server;
let url = '';

beforeAll(async () => {
  server = createServer({ key: pem('server.key'), cert: pem('server.pem'), ca: pem('ca.pem'), requestCert: true, rejectUnauthorized: false }, (req, res) => {
    const peerCert = (req.socket as import('node:tls').TLSSocket).getPeerCertificate();
    const raw: [string, string][] = [];
    for (let i = 0; i < req.rawHeaders.length; i += 2) raw.push([(req.rawHeaders[i] as string).toLowerCase(), req.rawHeaders[i + 1] as string]);
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ raw, clientCert: peerCert?.subject?.CN ?? null }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());

function kubeconfig(user: { token?: string; certData?: string; keyData?: string }): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'c', server: url, caData: pem('ca.pem').toString('base64') }],
    users: [{ name: 'u', ...user }],
    contexts: [{ name: 'ctx', cluster: 'c', user: 'u' }],
    currentContext: 'ctx',
  });
  return kc;
}

interface Echo {
  raw: [string, string][];
  clientCert: string | null;
}
const values = (e: Echo, name: string) => e.raw.filter(([k]) => k === name).map(([, v]) => v);

async function echo(kc: KubeConfig, auth?: Parameters<typeof Transport.create>[3]): Promise<Echo> {
  const t = await Transport.create(kc, 'ctx', url, auth);
  try {
    return await t.getJson<Echo>('/echo', 'echo');
  } finally {
    t.close();
  }
}

describe('Transport identity override', () => {
  it('uses the kubeconfig identity when no auth is given', async () => {
    const e = await echo(kubeconfig({ certData: pem('client.pem').toString('base64'), keyData: pem('client.key').toString('base64') }));
    expect(e.clientCert).toBe('dashboard');
    expect(values(e, 'authorization')).toEqual([]);
  });

  it('a user token replaces the kubeconfig token and drops its client certificate', async () => {
    const kc = kubeconfig({ token: 'dashboard-token', certData: pem('client.pem').toString('base64'), keyData: pem('client.key').toString('base64') });
    const e = await echo(kc, { auth: { token: 'user-token' } });
    expect(values(e, 'authorization')).toEqual(['Bearer user-token']);
    expect(e.clientCert).toBeNull();
  });

  it('impersonation keeps the dashboard identity and sends one header line per group', async () => {
    const e = await echo(kubeconfig({ token: 'dashboard-token' }), { auth: { impersonate: { user: 'alice@example.com', groups: ['team-a', 'ops, oncall'] } } });
    expect(values(e, 'authorization')).toEqual(['Bearer dashboard-token']);
    expect(values(e, 'impersonate-user')).toEqual(['alice@example.com']);
    expect(values(e, 'impersonate-group')).toEqual(['team-a', 'ops, oncall']);
  });

  it('impersonation without groups sends no Impersonate-Group header', () => {
    const base = { headers: { authorization: 'Bearer x' } };
    applyAuth(base, { impersonate: { user: 'bob', groups: [] } });
    expect(base.headers).toEqual({ authorization: 'Bearer x', 'Impersonate-User': 'bob' });
  });
});
