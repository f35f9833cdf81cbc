/**
 * The scale guard: counts and bytes (never seconds) for a fixed S-size cluster, 100 nodes and
 * 3,000 pods from bench/synthetic.ts, read by the real collect() through the real transport,
 * list splitter and projections from a small local HTTPS server that serves them in pages, as the
 * API server does. No cluster is needed, and nothing here depends on the machine's speed:
 *
 * - requests per scan stay within 25 + ⌈pods/500⌉ + ⌈nodes/500⌉ + other kinds' pages;
 * - the projected inventory stays small per pod (JSON bytes), and sharing keeps the estimated heap
 *   per pod several times below the unshared projection (a deterministic object-graph estimate,
 *   not a GC measurement);
 * - sharing changes nothing: the inventory's JSON is the one the plain projections give, and a
 *   deep-frozen inventory goes through the architecture model and every check unchanged.
 *
 * bench/README.md has the measured numbers behind the limits.
 */
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticCluster, type K8sObject } from '../../bench/synthetic';
import { asServed } from '../../bench/synthetic-inventory';
import { evaluatePosture } from '../posture/evaluate';
import { inventoryFromObjects } from '../model/from-objects';
import type { Inventory } from '../model/inventory';
import { collect } from './collect';
import { LISTS, SECRET_LISTS } from './kinds';

/** Limits, with ~15% headroom over what this change measured (bench/README.md). */
const MAX_JSON_BYTES_PER_POD = 4_200;
const MAX_ESTIMATED_HEAP_BYTES_PER_POD = 950;
const MIN_SHARING_FACTOR = 7;

const dir = mkdtempSync(join(tmpdir(), 'kp-budget-'));
execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-days', '1'], { stdio: 'ignore' });
const cert = readFileSync(join(dir, 'cert.pem'));

const cluster = syntheticCluster('S');

const pods = [...cluster.pods()].map(asServed);
const objects = [...cluster.nodes, ...cluster.objects, ...pods];

/** List path → its items, like the API server's cluster-wide lists. */
const byPath = new Map<string, K8sObject[]>();
for (const spec of LISTS) byPath.set(spec.path, []);
const pathOf: Record<string, string> = Object.fromEntries(LISTS.map((s) => [s.kind, s.path]));
for (const o of objects) byPath.get(pathOf[o.kind] as string)?.push(o);

let server: Server;
let url = '';
const requests: string[] = [];
/** Pod pages being answered at the same moment, at most (page n+1 is requested ahead). */
let podPagesInFlight = 0;
let maxPodPagesInFlight = 0;
/** Answer the next continued pod page with 410 Gone once (an expired continue token). */
let expireOnce = false;

beforeAll(async () => {
  server = createServer({ key: readFileSync(join(dir, 'key.pem')), cert }, (req, res) => {
    const u = new URL(req.url ?? '/', 'https://x');
    requests.push(u.pathname + u.search);
    if (u.pathname === '/version') {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ gitVersion: 'v1.37.2', major: '1', minor: '37' }));
      return;
    }
    const items = byPath.get(u.pathname) ?? (u.pathname === '/api/v1/secrets' ? [] : undefined);
    if (!items) {
      res.writeHead(404, { 'Content-Type': 'application/json' }).end(JSON.stringify({ kind: 'Status', code: 404, message: 'not found' }));
      return;
    }
    const limit = Number(u.searchParams.get('limit') ?? 0) || items.length;
    const from = Number(u.searchParams.get('continue') ?? 0);
    if (expireOnce && u.pathname === '/api/v1/pods' && from > 0) {
      expireOnce = false;
      res.writeHead(410, { 'Content-Type': 'application/json' }).end(JSON.stringify({ kind: 'Status', code: 410, reason: 'Expired', message: 'continue token expired' }));
      return;
    }
    const isPods = u.pathname === '/api/v1/pods';
    if (isPods) maxPodPagesInFlight = Math.max(maxPodPagesInFlight, ++podPagesInFlight);
    const page = items.slice(from, from + limit);
    const next = from + limit < items.length ? String(from + limit) : undefined;
    const body = JSON.stringify({ kind: 'List', apiVersion: 'v1', metadata: { resourceVersion: '1', ...(next ? { continue: next } : {}) }, items: page });
    // Written in 16 kB pieces, as a real server's chunks arrive, the last one a moment later.
    res.writeHead(200, { 'Content-Type': 'application/json' });
    const cut = Math.max(0, body.length - 16_384);
    for (let i = 0; i < cut; i += 16_384) res.write(body.slice(i, Math.min(cut, i + 16_384)));
    setTimeout(() => {
      res.end(body.slice(cut));
      if (isPods) podPagesInFlight--;
    }, isPods ? 50 : 5);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());

async function scanFake(): Promise<Inventory> {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'c', server: url, caData: cert.toString('base64') }],
    users: [{ name: 'u', token: 'test-token' }],
    contexts: [{ name: 'ctx', cluster: 'c', user: 'u' }],
    currentContext: 'ctx',
  });
  // 8 in flight: a slot is free for the page requested ahead even while the small lists run.
  return collect({ kc, context: 'ctx', server: url, secretMetadata: true, probes: false, concurrency: 8 });
}

/**
 * A deterministic estimate of the heap an object graph retains, V8-style on 64-bit: objects
 * 24 bytes + 8 per property, arrays 48 + 8 per element, strings 16 + length (counted at every
 * occurrence inside a newly seen object, so shared strings are over-counted). Each object or
 * array is counted once however often it is referenced: that is what sharing saves.
 */
export function estimateHeapBytes(root: unknown): number {
  const seen = new Set<object>();
  let bytes = 0;
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') {
      bytes += 16 + v.length;
      continue;
    }
    if (typeof v !== 'object' || v === null || seen.has(v)) continue;
    seen.add(v);
    if (Array.isArray(v)) {
      bytes += 48 + 8 * v.length;
      for (const x of v) stack.push(x);
    } else {
      const values = Object.values(v);
      bytes += 24 + 8 * values.length;
      for (const x of values) stack.push(x);
    }
  }
  return bytes;
}

function deepFreeze<T>(v: T, seen = new Set<object>()): T {
  if (typeof v !== 'object' || v === null || seen.has(v)) return v;
  seen.add(v);
  for (const x of Object.values(v)) deepFreeze(x, seen);
  return Object.freeze(v);
}

describe('scale guard (S: 100 nodes, 3,000 pods, from bench/synthetic.ts)', () => {
  let inv: Inventory;
  beforeAll(async () => {
    inv = await scanFake();
  });

  it('reads every object', () => {
    expect(inv.pods).toHaveLength(pods.length);
    expect(inv.nodes).toHaveLength(cluster.nodes.length);
    expect(inv.issues.filter((i) => i.verb === 'list')).toEqual([]);
  });

  it('stays within the request budget: 25 + ⌈pods/500⌉ + ⌈nodes/500⌉ + other kinds\' pages', () => {
    const pages = (n: number) => Math.max(1, Math.ceil(n / 500));
    let otherPages = SECRET_LISTS.length;
    for (const spec of LISTS) if (spec.kind !== 'Pod' && spec.kind !== 'Node') otherPages += pages(byPath.get(spec.path)?.length ?? 0);
    const budget = 25 + pages(pods.length) + pages(cluster.nodes.length) + otherPages;
    expect(requests.length).toBeLessThanOrEqual(budget);
    expect(inv.stats.requests).toBe(requests.length);
    // Each list page is read once.
    expect(new Set(requests).size).toBe(requests.length);
  });

  it('requests the next page as soon as the continue token arrives (pages overlap)', () => {
    expect(maxPodPagesInFlight).toBeGreaterThan(1);
  });

  it('keeps the projected inventory small: JSON bytes per pod', () => {
    const perPod = JSON.stringify(inv.pods).length / inv.pods.length;
    console.log(`projected pod JSON: ${Math.round(perPod)} bytes/pod (limit ${MAX_JSON_BYTES_PER_POD})`);
    expect(perPod).toBeLessThanOrEqual(MAX_JSON_BYTES_PER_POD);
  });

  it('shares equal parts: estimated heap per pod, and the factor sharing saves', () => {
    const shared = estimateHeapBytes(inv.pods) / inv.pods.length;
    const plain = estimateHeapBytes(inventoryFromObjects(pods).pods) / inv.pods.length;
    console.log(`estimated heap: ${Math.round(shared)} bytes/pod shared, ${Math.round(plain)} unshared (×${(plain / shared).toFixed(1)})`);
    expect(shared).toBeLessThanOrEqual(MAX_ESTIMATED_HEAP_BYTES_PER_POD);
    expect(plain / shared).toBeGreaterThanOrEqual(MIN_SHARING_FACTOR);
  });

  it('starts a list over when a continue token expires (410), without duplicates', async () => {
    expireOnce = true;
    const again = await scanFake();
    expect(expireOnce).toBe(false);
    expect(again.pods.map((p) => p.meta.name)).toEqual(inv.pods.map((p) => p.meta.name));
  });

  it('changes nothing by sharing: same JSON as the plain projections, and nothing downstream writes to it', () => {
    const plain = inventoryFromObjects(objects);
    for (const field of ['pods', 'workloads', 'nodes', 'namespaces', 'services', 'networkPolicies', 'roles', 'roleBindings'] as const) {
      // Kinds are read concurrently, so the order across kinds (Deployments, ReplicaSets …) may differ.
      const a = inv[field].map((x) => JSON.stringify(x)).sort();
      const b = plain[field].map((x) => JSON.stringify(x)).sort();
      expect(a.length, field).toBe(b.length);
      const firstDiff = a.findIndex((x, i) => x !== b[i]);
      expect(firstDiff === -1 ? undefined : [a[firstDiff]?.slice(0, 300), b[firstDiff]?.slice(0, 300)], field).toBeUndefined();
    }
    // Last in this file: the inventory stays frozen.
    const frozen = deepFreeze(inv);
    const a = evaluatePosture(frozen, { now: new Date(0) });
    const b = evaluatePosture({ ...plain, collectedAt: frozen.collectedAt, stats: frozen.stats, issues: frozen.issues, version: frozen.version }, { now: new Date(0) });
    expect(a.findings.length).toBe(b.findings.length);
    expect(JSON.stringify(a.findings)).toBe(JSON.stringify(b.findings));
  });
});
