/**
 * The snapshot and waiver route handlers, called as Next.js calls them (Request in, Response
 * out), on a SQLite store in a temp directory. The scan registry is replaced by a map of records.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ScanRecord } from '../posture/types';
import { loadPosture } from './__fixtures__';
import { exportJson } from './export/json';
import { freezeSnapshot } from './freeze';
import { storeErrorResponse } from './http';

const scans = new Map<string, ScanRecord>();
vi.mock('@/lib/posture/registry', () => ({ getScan: (id: string) => scans.get(id) }));

const { POST: create, GET: list } = await import('@/app/api/snapshots/route');
const { GET: getOne, DELETE: revoke } = await import('@/app/api/snapshots/[id]/route');
const { GET: exportOne } = await import('@/app/api/snapshots/[id]/export/route');
const { GET: fileOf } = await import('@/app/api/snapshots/[id]/file/route');
const { POST: importOne } = await import('@/app/api/snapshots/import/route');
const { GET: diff } = await import('@/app/api/snapshots/diff/route');
const waivers = await import('@/app/api/waivers/route');

const dir = mkdtempSync(join(tmpdir(), 'kp-routes-'));
const BASE = 'http://127.0.0.1:3000';
const progress = { scanId: 'x', phase: 'done', kindsDone: 1, kindsTotal: 1, objectsRead: 1, requests: 1, fraction: 1 } as const;

function scan(id: string, status: ScanRecord['status'], name: 'weak' | 'hardened' = 'weak'): void {
  scans.set(id, { id, context: `kp-${name}`, status, startedAt: new Date().toISOString(), progress: { ...progress, scanId: id }, ...(status === 'done' ? { posture: loadPosture(name) } : {}) });
}
const post = (path: string, body: unknown, type = 'application/json') =>
  new Request(BASE + path, { method: 'POST', headers: { 'content-type': type }, body: typeof body === 'string' ? body : JSON.stringify(body) });
const get = (path: string) => new Request(BASE + path);
const params = (id: string) => ({ params: Promise.resolve({ id }) });
type Err = { error: { code: string; message: string; details?: Record<string, unknown> } };

beforeAll(() => {
  vi.stubEnv('DATABASE_URL', '');
  vi.stubEnv('KUBE_POSTURE_DATA', dir);
  scan('scanWeak0001', 'done');
  scan('scanHard0001', 'done', 'hardened');
  scan('scanBusy0001', 'running');
});
afterAll(async () => {
  const { getStore } = await import('./store');
  await (await getStore()).close();
  rmSync(dir, { recursive: true, force: true });
  vi.unstubAllEnvs();
});

async function share(body: Record<string, unknown>): Promise<{ id: string; url: string }> {
  const res = await create(post('/api/snapshots', body));
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; url: string };
}

describe('POST /api/snapshots', () => {
  it('freezes a finished scan → 201 { id, url }', async () => {
    const { id, url } = await share({ scanId: 'scanWeak0001', label: 'before hardening' });
    expect(id).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(url).toBe(`/s/${id}`);
    const res = await getOne(get(`/api/snapshots/${id}`), params(id));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const snap = (await res.json()) as { label: string; createdBy: string; posture: { cluster: { context: string } } };
    expect([snap.label, snap.createdBy, snap.posture.cluster.context]).toEqual(['before hardening', 'local', 'kp-weak']);
  });

  it('refuses bad input with the ApiError shape', async () => {
    const cases: [Request, number, string][] = [
      [post('/api/snapshots', { scanId: 'scanWeak0001' }, 'text/plain'), 415, 'invalid-input'],
      [post('/api/snapshots', '{"scanId":', 'application/json'), 400, 'invalid-input'],
      [post('/api/snapshots', { scanId: 'scanWeak0001', extra: 1 }), 400, 'invalid-input'],
      [post('/api/snapshots', { scanId: 'scanWeak0001', expiresInDays: 0 }), 400, 'invalid-input'],
      [post('/api/snapshots', { scanId: 'scanWeak0001', label: 'a\u0000b' }), 400, 'invalid-input'],
      [post('/api/snapshots', { scanId: 'no-such-scan' }), 404, 'not-found'],
      [post('/api/snapshots', { scanId: 'scanBusy0001' }), 409, 'not-configured'],
      [post('/api/snapshots', '{"__proto__": {"x": 1}, "scanId": "scanWeak0001"}'), 400, 'invalid-input'],
    ];
    for (const [req, status, code] of cases) {
      const res = await create(req);
      const body = (await res.json()) as Err;
      expect([res.status, body.error.code], body.error.message).toEqual([status, code]);
      expect(JSON.stringify(body)).not.toMatch(/\bat .*\.ts:\d+/);
    }
  });

  it('anonymizes on request, and files the snapshot under the scanned context', async () => {
    const { id } = await share({ scanId: 'scanWeak0001', anonymize: true, expiresInDays: 7 });
    const text = await (await getOne(get(`/api/snapshots/${id}`), params(id))).text();
    for (const name of ['kp-weak', 'worker-1', 'legacy-app', 'team-a']) expect(text).not.toContain(name);
    const hist = (await (await list(get('/api/snapshots?context=kp-weak'))).json()) as { snapshots: { id: string; anonymized: boolean; expiresAt?: string }[] };
    expect(hist.snapshots.find((s) => s.id === id)).toMatchObject({ anonymized: true, expiresAt: expect.any(String) });
  });
});

describe('GET /api/snapshots (history)', () => {
  it('lists summary rows newest first; validates the context', async () => {
    const res = await list(get('/api/snapshots?context=kp-weak&limit=50'));
    const body = (await res.json()) as { context: string; snapshots: { createdAt: string; score: number | null; counts: { fail: number } }[] };
    expect(body.context).toBe('kp-weak');
    expect(body.snapshots.length).toBeGreaterThanOrEqual(2);
    expect(body.snapshots[0]).toHaveProperty('counts.fail');
    const times = body.snapshots.map((s) => s.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect((await list(get('/api/snapshots'))).status).toBe(400);
    expect((await list(get('/api/snapshots?context=../../etc'))).status).toBe(400);
  });
});

describe('GET and DELETE /api/snapshots/{id}', () => {
  it('404 for unknown or malformed ids, 410 once revoked', async () => {
    for (const id of ['AAAAAAAAAAAAAAAAAAAAAAAA', '../etc/passwd', 'short']) {
      const res = await getOne(get(`/api/snapshots/${encodeURIComponent(id)}`), params(id));
      expect(res.status).toBe(404);
    }
    const { id } = await share({ scanId: 'scanWeak0001' });
    expect((await revoke(new Request(`${BASE}/api/snapshots/${id}`, { method: 'DELETE' }), params(id))).status).toBe(200);
    const gone = await getOne(get(`/api/snapshots/${id}`), params(id));
    expect(gone.status).toBe(410);
    expect(((await gone.json()) as Err).error).toMatchObject({ code: 'not-found', details: { gone: 'revoked' } });
    expect((await revoke(new Request(`${BASE}/api/snapshots/${id}`, { method: 'DELETE' }), params(id))).status).toBe(410);
    expect((await revoke(new Request(`${BASE}/api/snapshots/x`, { method: 'DELETE' }), params('AAAAAAAAAAAAAAAAAAAAAAAA'))).status).toBe(404);
  });
});

describe('GET /api/snapshots/{id}/export', () => {
  it('serves json, csv and html as attachments; html with a strict CSP', async () => {
    const { id } = await share({ scanId: 'scanWeak0001' });
    const expectations = { json: 'application/json', csv: 'text/csv', html: 'text/html' } as const;
    for (const [format, type] of Object.entries(expectations)) {
      const res = await exportOne(get(`/api/snapshots/${id}/export?format=${format}`), params(id));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain(type);
      expect(res.headers.get('content-disposition')).toMatch(new RegExp(`^attachment; filename="kube-posture-\\d{4}-\\d{2}-\\d{2}-${id}\\.${format}"$`));
      const body = await res.text();
      expect(body.includes('KP-MARKER')).toBe(false);
      if (format === 'html') {
        expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
        expect(body).toContain('http-equiv="Content-Security-Policy"');
      }
    }
    expect((await exportOne(get(`/api/snapshots/${id}/export?format=pdf`), params(id))).status).toBe(400);
  });
});

describe('GET /api/snapshots/{id}/file', () => {
  it('serves the compact file the share page expands, never cached; 404 unknown, 410 revoked', async () => {
    const { id } = await share({ scanId: 'scanWeak0001', label: 'file' });
    const res = await fileOf(get(`/api/snapshots/${id}/file`), params(id));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const body = (await res.json()) as { id: string; label: string; posture: { findings: unknown[]; strings: string[] } };
    expect(body).toMatchObject({ id, label: 'file' });
    expect(body.posture.findings.length).toBeGreaterThan(0);
    expect((await fileOf(get('/api/snapshots/x/file'), params('x'))).status).toBe(404);
    expect((await fileOf(get('/api/snapshots/AAAAAAAAAAAAAAAAAAAAAAAA/file'), params('AAAAAAAAAAAAAAAAAAAAAAAA'))).status).toBe(404);
    await revoke(new Request(`${BASE}/api/snapshots/${id}`, { method: 'DELETE' }), params(id));
    expect((await fileOf(get(`/api/snapshots/${id}/file`), params(id))).status).toBe(410);
  });
});

describe('POST /api/snapshots/import', () => {
  const file = exportJson(freezeSnapshot(loadPosture('hardened'), { now: new Date(), createdBy: 'bob', label: 'imported' }));
  const count = async () => ((await (await list(get('/api/snapshots?context=kp-hardened'))).json()) as { snapshots: unknown[] }).snapshots.length;

  it('stores a valid file under a fresh id', async () => {
    const before = await count();
    const res = await importOne(post('/api/snapshots/import?expiresInDays=30', file));
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    expect(file).not.toContain(id);
    expect(await count()).toBe(before + 1);
  });

  it('refuses hostile or broken files, and stores nothing', async () => {
    const before = await count();
    const cases: [Request, number, string][] = [
      [post('/api/snapshots/import', file.replace('"schemaVersion":2', '"schemaVersion":9')), 400, 'unsupported-version'],
      [post('/api/snapshots/import', file.replace('"facts":{', '"facts":{"__proto__":{"admin":true},')), 400, 'unsafe'],
      [post('/api/snapshots/import', file.slice(0, 5000)), 400, 'malformed'],
      [post('/api/snapshots/import', file.replace('"anonymized":false', '"anonymized":"no"')), 400, 'invalid'],
    ];
    for (const [req, status, reason] of cases) {
      const res = await importOne(req);
      const body = (await res.json()) as Err;
      expect([res.status, body.error.details?.reason], body.error.message).toEqual([status, reason]);
    }
    expect((await importOne(post('/api/snapshots/import', file, 'text/plain'))).status).toBe(415);
    vi.stubEnv('KUBE_POSTURE_MAX_IMPORT_BYTES', '2048');
    const big = await importOne(post('/api/snapshots/import', file));
    vi.stubEnv('KUBE_POSTURE_MAX_IMPORT_BYTES', '');
    expect(big.status).toBe(413);
    expect(await count()).toBe(before);
  });
});

describe('GET /api/snapshots/diff', () => {
  it('diffs two snapshots; names the missing side', async () => {
    const a = await share({ scanId: 'scanWeak0001' });
    const b = await share({ scanId: 'scanHard0001' });
    const res = await diff(get(`/api/snapshots/diff?a=${a.id}&b=${b.id}`));
    expect(res.status).toBe(200);
    const d = (await res.json()) as { a: string; b: string; resolved: unknown[]; scoreDelta: number; architecture: unknown };
    expect([d.a, d.b]).toEqual([a.id, b.id]);
    expect(d.resolved.length).toBeGreaterThan(0);
    expect(d.scoreDelta).toBeGreaterThan(0);
    const missing = await diff(get(`/api/snapshots/diff?a=${a.id}&b=AAAAAAAAAAAAAAAAAAAAAAAA`));
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as Err).error.details).toEqual({ which: 'b' });
    expect((await diff(get('/api/snapshots/diff?a=x'))).status).toBe(400);
  });
});

describe('/api/waivers', () => {
  const body = { context: 'kp-weak', checkId: 'pod-privileged', target: { componentId: 'cluster', object: 'Deployment legacy-app/legacy-api' }, reason: 'until the Q3 rewrite', author: 'alice', expiresInDays: 30 };

  it('adds, lists and deletes a waiver', async () => {
    const res = await waivers.POST(post('/api/waivers', body));
    expect(res.status).toBe(201);
    const { expiresInDays: _days, ...rest } = body;
    expect(await res.json()).toEqual({ ...rest, createdAt: expect.any(String), expiresAt: expect.any(String) });
    const listed = (await (await waivers.GET(get('/api/waivers?context=kp-weak'))).json()) as { waivers: unknown[] };
    expect(listed.waivers).toHaveLength(1);
    const key = '/api/waivers?context=kp-weak&checkId=pod-privileged&componentId=cluster&object=' + encodeURIComponent('Deployment legacy-app/legacy-api');
    expect((await waivers.DELETE(new Request(BASE + key, { method: 'DELETE' }))).status).toBe(200);
    expect((await waivers.DELETE(new Request(BASE + key, { method: 'DELETE' }))).status).toBe(404);
  });

  it('validates every field', async () => {
    const bad = [
      { ...body, expiresInDays: undefined },
      { ...body, expiresInDays: 1000 },
      { ...body, expiresInDays: undefined, expiresAt: '2001-01-01T00:00:00Z' },
      { ...body, checkId: 'Not A Check' },
      { ...body, reason: '' },
      { ...body, target: { componentId: 'cluster', object: 'no-kind' } },
      { ...body, admin: true },
    ];
    for (const b of bad) expect((await waivers.POST(post('/api/waivers', b))).status).toBe(400);
    expect((await waivers.GET(get('/api/waivers?includeExpired=maybe'))).status).toBe(400);
  });
});

describe('storeErrorResponse', () => {
  it('says the database is unreachable without internals, and hides unexpected errors', async () => {
    const err = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const down = storeErrorResponse(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }));
    expect(down.status).toBe(502);
    expect(JSON.stringify(await down.json())).not.toContain('5432');
    const boom = storeErrorResponse(new TypeError('cannot read properties of undefined (reading "x")'));
    expect(boom.status).toBe(500);
    expect(JSON.stringify(await boom.json())).not.toContain('undefined');
    err.mockRestore();
  });
});
