/**
 * The HTTP API against the real local clusters: contexts, single-flight scans, the progress
 * event stream, classified errors, and no planted secret ever in a response.
 */
import { expect, test, type APIRequestContext } from '@playwright/test';
import { ALL_MARKERS } from './cluster/markers';

async function scanToEnd(request: APIRequestContext, context: string, force = false) {
  const start = await request.post(`/api/clusters/${context}/scans${force ? '?force=1' : ''}`);
  expect(start.status()).toBe(202);
  const { scanId } = (await start.json()) as { scanId: string };
  for (let i = 0; i < 240; i++) {
    const rec = await request.get(`/api/scans/${scanId}`);
    const body = (await rec.json()) as { status: string };
    if (body.status !== 'running') return { scanId, body: body as Record<string, unknown>, text: await rec.text() };
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('scan did not finish');
}

test('lists every kubeconfig context without credentials', async ({ request }) => {
  const res = await request.get('/api/contexts');
  expect(res.ok()).toBe(true);
  const body = (await res.json()) as { contexts: { name: string }[]; current: string; mode: string };
  expect(body.contexts.map((c) => c.name).sort()).toEqual(['kp-hardened', 'kp-managed', 'kp-unreachable', 'kp-weak', 'kp-weak-restricted']);
  expect(body.current).toBe('kp-weak');
  expect(body.mode).toBe('local');
  const text = JSON.stringify(body);
  expect(text).not.toMatch(/client-key|token|certificate-authority-data/i);
});

test('a scan returns architecture, findings and scores; no marker value anywhere', async ({ request }) => {
  const { body, text } = await scanToEnd(request, 'kp-weak');
  expect(body.status).toBe('done');
  const posture = body.posture as { findings: { checkId: string; status: string }[]; architecture: { components: unknown[] }; scores: { cluster: { score: number } } };
  expect(posture.architecture.components.length).toBeGreaterThan(10);
  expect(posture.findings.some((f) => f.checkId === 'apiserver-anonymous-auth' && f.status === 'fail')).toBe(true);
  for (const m of ALL_MARKERS) expect(text).not.toContain(m);
});

test('concurrent scan requests for one context share one scan (single-flight)', async ({ request }) => {
  const [a, b, c] = await Promise.all([0, 1, 2].map(() => request.post('/api/clusters/kp-hardened/scans?force=1')));
  const ids = await Promise.all([a, b, c].map(async (r) => ((await r!.json()) as { scanId: string }).scanId));
  // The first forces a new scan; the others join it while it runs.
  expect(new Set(ids.slice(1)).size).toBe(1);
});

test('the event stream reports progress and ends with done', async ({ request, baseURL }) => {
  const start = await request.post('/api/clusters/kp-managed/scans?force=1');
  const { scanId } = (await start.json()) as { scanId: string };
  const res = await fetch(`${baseURL}/api/scans/${scanId}/events`);
  expect(res.headers.get('content-type')).toContain('text/event-stream');
  const text = await res.text();
  const events = [...text.matchAll(/^event: (\w+)$/gm)].map((m) => m[1]);
  expect(events.at(-1)).toBe('done');
  const progress = [...text.matchAll(/^event: progress\ndata: (.*)$/gm)].map((m) => JSON.parse(m[1] as string) as { fraction: number });
  for (let i = 1; i < progress.length; i++) expect(progress[i]!.fraction).toBeGreaterThanOrEqual(progress[i - 1]!.fraction);
});

test('an unreachable cluster fails with a sentence, not a stack trace', async ({ request }) => {
  const { body } = await scanToEnd(request, 'kp-unreachable', true);
  expect(body.status).toBe('failed');
  const error = body.error as { code: string; message: string };
  expect(error.code).toBe('unreachable');
  expect(error.message).toContain('https://127.0.0.1:9');
  expect(JSON.stringify(body)).not.toMatch(/at .*\.(js|ts):\d+/);
});

test('bad input gets a clear JSON error', async ({ request }) => {
  const unknown = await request.post('/api/clusters/does-not-exist/scans');
  expect(unknown.status()).toBe(400);
  expect(((await unknown.json()) as { error: { message: string } }).error.message).toMatch(/no context "does-not-exist"/);
  const badName = await request.post(`/api/clusters/${encodeURIComponent('../../etc')}/scans`);
  expect(badName.status()).toBe(400);
  const badForce = await request.post('/api/clusters/kp-weak/scans?force=yes');
  expect(badForce.status()).toBe(400);
  const badId = await request.get('/api/scans/%3Cscript%3E');
  expect(badId.status()).toBe(400);
  const missing = await request.get('/api/scans/AAAAAAAAAAAAAAAA');
  expect(missing.status()).toBe(404);
});

test('the checks catalogue lists every check with its metadata', async ({ request }) => {
  const res = await request.get('/api/checks');
  const body = (await res.json()) as { checks: { id: string; remediation: string; references: unknown[] }[] };
  expect(body.checks.length).toBeGreaterThanOrEqual(100);
  for (const c of body.checks) expect(c.remediation.length).toBeGreaterThan(10);
});

test('a stored waiver is applied on the next scan and stops counting against the score', async ({ request }) => {
  const before = await scanToEnd(request, 'kp-weak', true);
  const findingsBefore = (before.body.posture as { findings: { checkId: string; componentId: string; status: string; waived?: unknown }[]; scores: { cluster: { score: number } } });
  const target = findingsBefore.findings.find((f) => f.checkId === 'apiserver-profiling' && f.status === 'fail');
  expect(target).toBeDefined();
  const waive = await request.post('/api/waivers', {
    data: { context: 'kp-weak', checkId: 'apiserver-profiling', target: { componentId: target!.componentId }, reason: 'profiling needed for an incident until Friday', author: 'e2e', expiresInDays: 3 },
  });
  expect(waive.status()).toBe(201);
  try {
    const after = await scanToEnd(request, 'kp-weak', true);
    const posture = after.body.posture as { findings: { checkId: string; waived?: { reason: string; source: string } }[]; scores: { cluster: { score: number } } };
    const waived = posture.findings.find((f) => f.checkId === 'apiserver-profiling');
    expect(waived?.waived?.reason).toBe('profiling needed for an incident until Friday');
    expect(waived?.waived?.source).toBe('store');
    expect(posture.scores.cluster.score).toBeGreaterThanOrEqual(findingsBefore.scores.cluster.score);
  } finally {
    await request.delete(`/api/waivers?context=kp-weak&checkId=apiserver-profiling&componentId=${encodeURIComponent(target!.componentId)}`);
  }
});

test('pages carry a nonce-based CSP and security headers', async ({ request }) => {
  const res = await request.get('/');
  const h = res.headers();
  expect(h['content-security-policy']).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(h['content-security-policy']).not.toContain('unsafe-eval');
  expect(h['x-content-type-options']).toBe('nosniff');
  expect(h['referrer-policy']).toBe('no-referrer');
  expect(h['x-frame-options']).toBe('DENY');
  const body = await res.text();
  const nonce = /'nonce-([^']+)'/.exec(h['content-security-policy'] ?? '')?.[1];
  expect(body).toContain(`nonce="${nonce}"`);
});

test('local mode refuses a non-local Host (DNS rebinding) and cross-site writes', async ({ baseURL }) => {
  const { request: httpRequest } = await import('node:http');
  const url = new URL(baseURL ?? 'http://127.0.0.1:3100');
  const send = (method: string, path: string, headers: Record<string, string>) =>
    new Promise<number>((resolve, reject) => {
      const req = httpRequest({ host: url.hostname, port: url.port, method, path, headers }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
  expect(await send('GET', '/api/contexts', { Host: `attacker.example:${url.port}` })).toBe(403);
  expect(await send('GET', '/', { Host: `attacker.example:${url.port}` })).toBe(403);
  expect(await send('POST', '/api/clusters/kp-weak/scans', { Host: url.host, Origin: 'https://attacker.example' })).toBe(403);
  expect(await send('GET', '/api/contexts', { Host: url.host })).toBe(200);
});
