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
import { ListSplitter, Transport } from './transport';

const dir = mkdtempSync(join(tmpdir(), 'kp-transport-'));
execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-days', '1'], { stdio: 'ignore' });
const cert = readFileSync(join(dir, 'cert.pem'));

/** Items with everything that could confuse a splitter: escapes, brackets in strings, nesting, Unicode. */
const LIST_ITEMS = [
  { metadata: { name: 'a"b', annotations: { x: 'back\\slash\\', y: '[{,}]', z: '\\"' } }, spec: { items: [[1], { items: [] }], n: null, f: -1.5e3, t: true } },
  { metadata: { name: 'ünïcødé 😀 名前' }, kind: 'items' },
  {},
  { long: `${'x'.repeat(40_000)}\\"` },
];

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
    if (path.startsWith('/list')) {
      const body = JSON.stringify({ kind: 'PodList', apiVersion: 'v1', metadata: { resourceVersion: '7', continue: 'next"page' }, items: LIST_ITEMS });
      res.writeHead(200, { 'Content-Type': 'application/json' });
      for (let i = 0; i < body.length; i += 1000) res.write(body.slice(i, i + 1000));
      res.end();
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

  it('streams a list item by item, with the envelope, in the order sent', async () => {
    const t = await transport();
    const got: unknown[] = [];
    const res = await t.getList('/list', (item) => got.push(item));
    expect(res.status).toBe(200);
    expect(res.items).toBe(LIST_ITEMS.length);
    expect(got).toEqual(LIST_ITEMS);
    expect(res.head).toEqual({ kind: 'PodList', apiVersion: 'v1', metadata: { resourceVersion: '7', continue: 'next"page' }, items: [] });
    t.close();
  });

  it('returns a non-2xx list answer with its body, delivering no items', async () => {
    const t = await transport();
    const got: unknown[] = [];
    const res = await t.getList('/forbidden', (item) => got.push(item));
    expect(res.status).toBe(403);
    expect(res.body).toMatch(/pods is forbidden/);
    expect(got).toEqual([]);
    t.close();
  });
});

describe('ListSplitter', () => {
  const envelope = { kind: 'PodList', apiVersion: 'v1', metadata: { resourceVersion: '12', continue: 'abc' } };
  const bodies = [JSON.stringify({ ...envelope, items: LIST_ITEMS }), JSON.stringify({ ...envelope, items: LIST_ITEMS }, null, 2)];

  function split(chunks: Buffer[]): { items: unknown[]; head: unknown } {
    const items: unknown[] = [];
    const s = new ListSplitter((x) => items.push(x));
    for (const c of chunks) s.push(c);
    return { items, head: s.end() };
  }

  it('gives the same items and envelope wherever the chunks break (escapes and UTF-8 split across chunks)', () => {
    for (const text of bodies) {
      const buf = Buffer.from(text);
      // Every single split point in the first 2,000 bytes, then random chunkings.
      for (let cut = 0; cut < Math.min(buf.length, 2000); cut++) {
        expect(split([buf.subarray(0, cut), buf.subarray(cut)]).items).toEqual(LIST_ITEMS);
      }
      let seed = 7;
      const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
      for (let trial = 0; trial < 50; trial++) {
        const chunks: Buffer[] = [];
        for (let i = 0; i < buf.length; ) {
          const n = 1 + Math.floor(rand() * 64);
          chunks.push(buf.subarray(i, i + n));
          i += n;
        }
        expect(split(chunks)).toEqual({ items: LIST_ITEMS, head: { ...envelope, items: [] } });
      }
    }
  });

  it('cuts metadata.managedFields out of every item, wherever it sits, and nothing else', () => {
    const mf = [{ manager: 'kubectl', operation: 'Update', fieldsV1: { 'f:metadata': { 'f:labels': { '.': {}, 'f:a"]}[{': {} } } } }];
    const items = [
      { metadata: { name: 'a', managedFields: mf, labels: { managedFields: 'kept' } }, spec: { managedFields: [1] } },
      { metadata: { managedFields: mf } },
      { metadata: { managedFields: mf, name: 'first' } },
      { metadata: { name: 'c', uid: 'u', managedFields: [] } },
      { metadata: { name: 'd', annotations: { x: '"managedFields":[' } }, status: { metadata: { managedFields: [2] } } },
      { metadata: { name: 'e', managedFields: mf, ownerReferences: [{ name: 'x' }] } },
      { metadata: { name: 'f' }, managedFields: [3] },
    ];
    const expected = items.map((it) => {
      const c = structuredClone(it) as { metadata: Record<string, unknown> };
      delete c.metadata['managedFields'];
      return c;
    });
    for (const text of [JSON.stringify({ kind: 'List', items }), JSON.stringify({ kind: 'List', items }, null, 1)]) {
      const buf = Buffer.from(text);
      for (let cut = 0; cut < buf.length; cut++) {
        expect(split([buf.subarray(0, cut), buf.subarray(cut)]).items).toEqual(expected);
      }
      const bytes: Buffer[] = [];
      for (let i = 0; i < buf.length; i++) bytes.push(buf.subarray(i, i + 1));
      expect(split(bytes).items).toEqual(expected);
    }
  });

  it('handles an empty list and a list without items', () => {
    expect(split([Buffer.from('{"kind":"List","items":[]}')])).toEqual({ items: [], head: { kind: 'List', items: [] } });
    expect(split([Buffer.from('{"kind":"List","metadata":{}}')])).toEqual({ items: [], head: { kind: 'List', metadata: {} } });
  });

  it('refuses a truncated body', () => {
    const buf = Buffer.from(bodies[0] as string);
    expect(() => split([buf.subarray(0, buf.length - 10)])).toThrow(/truncated/);
  });
});

