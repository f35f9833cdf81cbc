/**
 * The transport's own behaviour (retries, Retry-After, timeouts, no retry on 401/403), exercised
 * against a tiny local HTTPS server that misbehaves on purpose. Scans against a real API server
 * are covered by the integration tests.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClusterError } from './errors';
import { Transport } from './transport';

const dir = mkdtempSync(join(tmpdir(), 'kp-transport-'));
execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-days', '1'], { stdio: 'ignore' });
const cert = readFileSync(join(dir, 'cert.pem'));

let server: Server;
let url = '';
const hits = new Map<string, number>();
let stallMs = 0;

beforeAll(async () => {
  server = createServer({ key: readFileSync(join(dir, 'key.pem')), cert }, (req, res) => {
    const path = req.url ?? '';
    const n = (hits.get(path) ?? 0) + 1;
    hits.set(path, n);
    if (path === '/flaky' && n < 3) {
      res.writeHead(503).end();
      return;
    }
    if (path === '/throttled' && n === 1) {
      res.writeHead(429, { 'Retry-After': '1' }).end();
      return;
    }
    if (path === '/forbidden') {
      res.writeHead(403, { 'Content-Type': 'application/json' }).end(JSON.stringify({ kind: 'Status', message: 'pods is forbidden' }));
      return;
    }
    if (path === '/slow') {
      setTimeout(() => res.writeHead(200).end('{}'), stallMs);
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ path, auth: req.headers.authorization ?? null }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());

async function transport(opts: { timeoutMs?: number } = {}): Promise<Transport> {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'c', server: url, caData: cert.toString('base64') }],
    users: [{ name: 'u', token: 'test-token' }],
    contexts: [{ name: 'ctx', cluster: 'c', user: 'u' }],
    currentContext: 'ctx',
  });
  return Transport.create(kc, 'ctx', url, { timeoutMs: opts.timeoutMs ?? 5000, retries: 3 });
}

describe('Transport', () => {
  it('sends the kubeconfig credentials and counts requests', async () => {
    const t = await transport();
    const body = await t.getJson<{ auth: string }>('/hello', 'read hello');
    expect(body.auth).toBe('Bearer test-token');
    expect(t.requests).toBe(1);
    t.close();
  });

  it('retries 5xx with backoff until it succeeds', async () => {
    const t = await transport();
    const res = await t.get('/flaky');
    expect(res.status).toBe(200);
    expect(hits.get('/flaky')).toBe(3);
    t.close();
  });

  it('honours Retry-After on 429', async () => {
    const t = await transport();
    const started = Date.now();
    const res = await t.get('/throttled');
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    t.close();
  });

  it('does not retry 403, and classifies it with the server message', async () => {
    const t = await transport();
    const e = await t.getJson('/forbidden', 'list pods').catch((err: unknown) => err);
    expect(hits.get('/forbidden')).toBe(1);
    expect(e).toBeInstanceOf(ClusterError);
    expect((e as ClusterError).code).toBe('forbidden');
    expect((e as ClusterError).message).toMatch(/pods is forbidden/);
    t.close();
  });

  it('gives up on a request that stalls past the timeout, as a timeout', async () => {
    stallMs = 3000;
    const t = await transport({ timeoutMs: 200 });
    const e = await t.get('/slow').catch((err: unknown) => err);
    expect((e as ClusterError).code).toBe('timeout');
    t.close();
  });
});
