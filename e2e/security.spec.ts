/**
 * Browser-level security: headers on the local-mode server under test, and in-cluster mode on a
 * second `next start` this spec runs itself (KUBE_POSTURE_MODE=in-cluster against the hardened
 * cluster, viewer.kubeconfig's token as the dashboard identity, the peer-address preload): sign-in
 * redirect, the form, the session cookie, 401s, cross-site refusal, sign-out.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { loadAll } from 'js-yaml';
import { clusterFor } from './cluster/testing';
import { ALL_MARKERS } from './cluster/markers';

const ROOT = join(import.meta.dirname, '..');
const PORT = Number(process.env.KP_SECURITY_PORT ?? 3105);
const BASE = `http://127.0.0.1:${PORT}`;
/** deploy/kubernetes/rbac-token-review.yaml under this spec's own name (other tests apply and delete the file's). */
const TOKEN_REVIEW = (loadAll(readFileSync(join(ROOT, 'deploy', 'kubernetes', 'rbac-token-review.yaml'), 'utf8')) as { metadata: { name: string } }[])
  .map((d) => JSON.stringify({ ...d, metadata: { ...d.metadata, name: `kp-e2e-${d.metadata.name}` } }))
  .join('\n');

/** CSP violations and script errors a page reports while it is open. */
function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to (execute|load|apply)/i.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  return problems;
}

test.describe('local mode (the server under test)', () => {
  test('pages and APIs carry the security headers; the sign-in page says there is none', async ({ page, request }) => {
    const problems = watchConsole(page);
    const res = await page.goto('/login');
    const h = res?.headers() ?? {};
    expect(h['content-security-policy']).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(h['x-frame-options']).toBe('DENY');
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['referrer-policy']).toBe('no-referrer');
    expect(h['cross-origin-opener-policy']).toBe('same-origin');
    expect(h['permissions-policy']).toContain('camera=()');
    expect(h['strict-transport-security']).toBeUndefined(); // plain http
    await expect(page.getByText(/Local mode has no sign-in/)).toBeVisible();
    expect(await page.locator('meta[name="robots"]').getAttribute('content')).toMatch(/noindex/);
    const api = await request.get('/api/session');
    expect(api.headers()['x-content-type-options']).toBe('nosniff');
    expect(await api.json()).toMatchObject({ mode: 'local', auth: 'local', authenticated: true });
    expect(problems).toEqual([]);
  });
});

test.describe('in-cluster mode', () => {
  test.describe.configure({ mode: 'serial' });
  const c = clusterFor('hardened');
  let server: ChildProcess | undefined;
  let log = '';
  const audit = join(mkdtempSync(join(tmpdir(), 'kp-security-')), 'audit.log');
  let restrictedToken = '';

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    c.kubectl.apply(TOKEN_REVIEW);
    c.kubectl.apply(
      [
        JSON.stringify({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'kp-e2e-team-a', namespace: 'team-a' }, automountServiceAccountToken: false }),
        JSON.stringify({
          apiVersion: 'rbac.authorization.k8s.io/v1',
          kind: 'RoleBinding',
          metadata: { name: 'kp-e2e-team-a', namespace: 'team-a' },
          roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'team-a-reader' },
          subjects: [{ kind: 'ServiceAccount', name: 'kp-e2e-team-a', namespace: 'team-a' }],
        }),
      ].join('\n'),
    );
    restrictedToken = c.kubectl.run(['-n', 'team-a', 'create', 'token', 'kp-e2e-team-a', '--duration=1h']).trim();
    server = spawn(process.execPath, ['--import', './scripts/peer-address.mjs', 'node_modules/next/dist/bin/next', 'start', '-H', '127.0.0.1', '-p', String(PORT)], {
      cwd: ROOT,
      env: {
        ...process.env,
        NEXT_TELEMETRY_DISABLED: '1',
        KUBE_POSTURE_MODE: 'in-cluster',
        KUBECONFIG: c.viewer,
        KUBE_POSTURE_DATA: mkdtempSync(join(tmpdir(), 'kp-security-data-')),
        KUBE_POSTURE_AUDIT_LOG: audit,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout?.on('data', (d: Buffer) => (log += d.toString()));
    server.stderr?.on('data', (d: Buffer) => (log += d.toString()));
    for (let i = 0; i < 240; i++) {
      try {
        if ((await fetch(`${BASE}/api/health`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`the in-cluster server did not start:\n${log}`);
  });

  test.afterAll(() => {
    server?.kill('SIGTERM');
    c.kubectl.run(['delete', '--ignore-not-found', '-f', '-'], TOKEN_REVIEW);
    c.kubectl.run(['-n', 'team-a', 'delete', '--ignore-not-found', 'rolebinding/kp-e2e-team-a', 'serviceaccount/kp-e2e-team-a']);
  });

  test('without a session: APIs answer 401, pages go to the sign-in form', async ({ page, request }) => {
    for (const path of ['/api/contexts', '/api/waivers', '/api/snapshots?context=in-cluster', '/metrics', '/api/scans/abcdefgh12345678']) {
      const res = await request.get(`${BASE}${path}`);
      expect(res.status(), path).toBe(401);
      expect(await res.json()).toMatchObject({ error: { code: 'unauthorized' } });
    }
    // The check catalogue is public knowledge (docs/checks.md): share-link readers need it for
    // descriptions and remediations. It says nothing about the cluster.
    const catalogue = await request.get(`${BASE}/api/checks`);
    expect(catalogue.status()).toBe(200);
    const text = await catalogue.text();
    for (const secret of [...ALL_MARKERS, 'kp-e2e-team-a']) expect(text).not.toContain(secret);
    expect((await request.post(`${BASE}/api/clusters/in-cluster/scans`)).status()).toBe(401);
    await page.goto(`${BASE}/clusters/in-cluster/findings`);
    await expect(page).toHaveURL(`${BASE}/login?next=%2Fclusters%2Fin-cluster%2Ffindings`);
    await expect(page.getByRole('heading', { name: 'Sign in to kube-posture' })).toBeVisible();
    expect((await request.get(`${BASE}/api/health`)).status()).toBe(200);
  });

  test('a wrong token is refused on the form', async ({ page }) => {
    await page.goto(`${BASE}/login`);
    await page.getByLabel('Kubernetes bearer token').fill('not-a-valid-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(`${BASE}/login?error=invalid`);
    await expect(page.locator('#token-error')).toContainText('did not accept that token');
    await page.screenshot({ path: join(import.meta.dirname, 'screenshots', 'login-error.png'), fullPage: true });
    expect((await page.context().cookies(BASE)).some((x) => x.name === 'kp-session')).toBe(false);
  });

  test('sign in with a token, land where you were going, see only what that token may read, sign out', async ({ page }) => {
    const problems = watchConsole(page);
    await page.goto(`${BASE}/clusters/in-cluster/findings`);
    await expect(page).toHaveURL(/\/login\?next=/);
    const loginHeaders = (await page.request.get(`${BASE}/login`)).headers();
    expect(loginHeaders['content-security-policy']).toContain("form-action 'self'");
    await page.getByLabel('Kubernetes bearer token').fill(restrictedToken);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(`${BASE}/clusters/in-cluster/findings`);

    const cookie = (await page.context().cookies(BASE)).find((x) => x.name === 'kp-session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await page.evaluate(() => document.cookie)).not.toContain('kp-session');
    // The form's CSRF cookie is spent.
    expect((await page.context().cookies(BASE)).some((x) => x.name === 'kp-login-csrf')).toBe(false);

    const session = await page.evaluate(async () => (await fetch('/api/session')).json());
    expect(session).toMatchObject({ authenticated: true, mode: 'in-cluster', auth: 'token', user: { username: 'system:serviceaccount:team-a:kp-e2e-team-a' } });
    expect(JSON.stringify(session)).not.toContain(restrictedToken);

    // A scan as this user reads team-a only.
    const posture = await page.evaluate(async () => {
      const start = await fetch('/api/clusters/in-cluster/scans?force=1', { method: 'POST' });
      const { scanId } = (await start.json()) as { scanId: string };
      for (let i = 0; i < 240; i++) {
        const rec = (await (await fetch(`/api/scans/${scanId}`)).json()) as { status: string; posture?: { summary: { nodes: number }; findings: { object?: { namespace?: string } }[] } };
        if (rec.status !== 'running') return rec.posture;
        await new Promise((r) => setTimeout(r, 250));
      }
      return undefined;
    });
    expect(posture?.summary.nodes).toBe(0);
    expect([...new Set(posture?.findings.map((f) => f.object?.namespace).filter(Boolean))]).toEqual(['team-a']);

    // Another site cannot make this browser's session change anything.
    const crossSite = await page.request.post(`${BASE}/api/clusters/in-cluster/scans`, { headers: { Origin: 'https://attacker.example' } });
    expect(crossSite.status()).toBe(403);

    await page.evaluate(async () => fetch('/api/session', { method: 'DELETE' }));
    expect((await page.request.get(`${BASE}/api/contexts`)).status()).toBe(401);
    await page.goto(`${BASE}/`);
    await expect(page).toHaveURL(`${BASE}/login`);
    expect(problems).toEqual([]);

    const events = readFileSync(audit, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { action: string; outcome: string; user?: string });
    expect(events.some((e) => e.action === 'session.login' && e.outcome === 'success' && e.user === 'system:serviceaccount:team-a:kp-e2e-team-a')).toBe(true);
    expect(events.some((e) => e.action === 'scan.start' && e.user === 'system:serviceaccount:team-a:kp-e2e-team-a')).toBe(true);
    expect(events.some((e) => e.action === 'session.logout')).toBe(true);
  });

  test('pages carry a nonce CSP and say which sign-in method is in force', async ({ request }) => {
    const res = await request.get(`${BASE}/login`);
    const h = res.headers();
    expect(h['x-kube-posture-auth']).toBe('token');
    const nonce = /'nonce-([^']+)'/.exec(h['content-security-policy'] ?? '')?.[1];
    expect(nonce).toBeTruthy();
    const html = await res.text();
    expect(html).toContain(`nonce="${nonce}"`);
    expect(html).toMatch(/name="csrf" value="[A-Za-z0-9_-]{43}"/);
    expect(h['set-cookie']).toMatch(/kp-login-csrf=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict/);
  });
});
