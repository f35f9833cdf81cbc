/**
 * In-cluster mode against the real hardened cluster (KUBE_POSTURE_MODE=in-cluster outside a pod:
 * the endpoint and CA come from the kubeconfig, and viewer.kubeconfig's token — the kube-posture
 * ServiceAccount bound by deploy/kubernetes/rbac.yaml — plays the dashboard's own identity).
 * Route handlers and proxy.ts are called as functions, so no server or build is needed; the HTTP
 * level is covered by e2e/security.spec.ts.
 */
import { createPrivateKey, sign } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAll } from 'js-yaml';
import { NextRequest } from 'next/server';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { POST as startScanRoute } from '@/app/api/clusters/[context]/scans/route';
import { GET as getScanRoute } from '@/app/api/scans/[id]/route';
import { POST as signIn, GET as sessionInfo } from '@/app/api/session/route';
import { proxy } from '@/proxy';
import { clusterFor } from '../../e2e/cluster/testing';
import { REPO_ROOT } from '../../e2e/cluster/repo';
import { loadKubeConfig } from '../k8s/kubeconfig';
import { reviewToken } from '../k8s/token-review';
import { scan } from '../posture/scan';
import { scanSettings } from '../posture/settings';
import type { Posture, ScanRecord } from '../posture/types';
import { PEER_HEADER } from '../security/client-address';
import { resetRateLimits } from '../security/rate-limit';

const c = clusterFor('hardened');
const admin = c.kubectl;

/**
 * The opt-in RBAC files, with this test's own object names, so that other tests (and other runs)
 * applying or deleting the same files concurrently on the shared cluster do not pull the rug.
 */
function optIn(file: string): string {
  const docs = loadAll(readFileSync(join(REPO_ROOT, 'deploy', 'kubernetes', file), 'utf8')) as { kind: string; metadata: { name: string }; roleRef?: { kind: string; name: string } }[];
  return docs
    .map((d) => {
      const renamed = { ...d, metadata: { ...d.metadata, name: `kp-int-${d.metadata.name}` } };
      if (d.roleRef?.kind === 'ClusterRole' && d.roleRef.name.startsWith('kube-posture-')) renamed.roleRef = { ...d.roleRef, name: `kp-int-${d.roleRef.name}` };
      return JSON.stringify(renamed);
    })
    .join('\n');
}
const TOKEN_REVIEW = optIn('rbac-token-review.yaml');
const IMPERSONATION = optIn('rbac-impersonation.yaml');
const applyOptIn = (docs: string) => admin.apply(docs);
const deleteOptIn = (docs: string) => admin.run(['delete', '--ignore-not-found', '-f', '-'], docs);
const ORIGIN = 'http://127.0.0.1:3000';
const CSRF = 'k'.repeat(43);
const audit = join(mkdtempSync(join(tmpdir(), 'kp-auth-int-')), 'audit.log');
const MARK = Symbol.for('kube-posture.peer-address');
const g = globalThis as unknown as Record<symbol, unknown>;

const IN_CLUSTER = { KUBE_POSTURE_MODE: 'in-cluster', KUBECONFIG: c.viewer, KUBE_POSTURE_AUDIT_LOG: audit };

function stubEnv(env: Record<string, string>): void {
  for (const k of ['KUBE_POSTURE_AUTH', 'KUBE_POSTURE_TRUSTED_PROXIES', 'KUBE_POSTURE_NAMESPACES', 'KUBE_POSTURE_SECRET_METADATA', 'KUBE_POSTURE_KUBELET_CONFIGZ']) vi.stubEnv(k, '');
  for (const [k, v] of Object.entries({ ...IN_CLUSTER, ...env })) vi.stubEnv(k, v);
}

beforeEach(() => resetRateLimits());
afterEach(() => {
  vi.unstubAllEnvs();
  delete g[MARK];
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function scanThroughRoutes(headers: Record<string, string>): Promise<{ status: number; record?: ScanRecord; body?: unknown }> {
  const start = await startScanRoute(new Request('http://127.0.0.1:3000/api/clusters/in-cluster/scans?force=1', { method: 'POST', headers: { origin: ORIGIN, ...headers } }), {
    params: Promise.resolve({ context: 'in-cluster' }),
  });
  if (start.status !== 202) return { status: start.status, body: await start.json() };
  const { scanId } = (await start.json()) as { scanId: string };
  for (let i = 0; i < 600; i++) {
    const res = await getScanRoute(new Request(`http://127.0.0.1:3000/api/scans/${scanId}`, { headers }), { params: Promise.resolve({ id: scanId }) });
    const record = (await res.json()) as ScanRecord;
    if (record.status !== 'running') return { status: res.status, record };
    await sleep(200);
  }
  throw new Error('scan did not finish');
}

/** Namespaces of the objects findings point at: what the scan could read. */
const podNamespaces = (p: Posture) => [...new Set(p.findings.map((f) => f.object?.namespace).filter((n): n is string => Boolean(n)))].sort();

describe("the dashboard's own identity (deploy/kubernetes/rbac.yaml)", () => {
  // rbac.yaml's roles, bound to a service account of this test's own: opt-in grants that other
  // tests give kube-posture's account meanwhile cannot blur what the default grants.
  const PROBE = 'system:serviceaccount:kube-posture:kp-int-rbac-probe';
  const probeObjects = () => {
    const subject = { kind: 'ServiceAccount', name: 'kp-int-rbac-probe', namespace: 'kube-posture' };
    const bindings = (loadAll(readFileSync(join(REPO_ROOT, 'deploy', 'kubernetes', 'rbac.yaml'), 'utf8')) as { kind: string; metadata: { name: string; namespace?: string }; roleRef?: unknown }[])
      .filter((d) => d.kind === 'ClusterRoleBinding' || d.kind === 'RoleBinding')
      .map((d) => ({ ...d, metadata: { ...d.metadata, name: `kp-int-rbac-probe-${d.metadata.name}` }, subjects: [subject] }));
    return [{ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'kp-int-rbac-probe', namespace: 'kube-posture' }, automountServiceAccountToken: false }, ...bindings].map((o) => JSON.stringify(o)).join('\n');
  };
  beforeAll(() => admin.apply(probeObjects()));
  afterAll(() => admin.run(['delete', '--ignore-not-found', '-f', '-'], probeObjects()));

  it('a full in-cluster scan with the default check set reads nothing it is forbidden to', async () => {
    stubEnv({});
    const env = process.env;
    const loaded = loadKubeConfig(undefined, env);
    expect(loaded.inCluster).toBe(true);
    const settings = scanSettings(env);
    expect(settings.secretMetadata).toBe(false);
    expect(settings.kubeletConfigz).toBe(false);
    const p = await scan({ loaded, settings });
    expect(p.cluster.context).toBe('in-cluster');
    expect(p.issues.filter((i) => i.reason !== 'disabled')).toEqual([]);
    expect(p.issues.map((i) => i.kind).sort()).toEqual(['Secret', 'nodes/proxy']);
    expect(p.summary.unreadableKinds.filter((k) => k !== 'Secret' && k !== 'nodes/proxy')).toEqual([]);
    expect(p.summary.pods).toBeGreaterThan(5);
  });

  it('`kubectl auth can-i --list` grants it no write verb anywhere', () => {
    const WRITE = new Set(['create', 'update', 'patch', 'delete', 'deletecollection', 'impersonate', 'escalate', 'bind', 'approve', 'sign', '*']);
    // Granted to every authenticated identity by system:basic-user: asking about oneself.
    const SELF = /^self(subject(access|rules)?reviews)\.(authorization|authentication)\.k8s\.io$/;
    const as = (args: string[]) => admin.tryRun([...args, `--as=${PROBE}`, '--as-group=system:serviceaccounts', '--as-group=system:serviceaccounts:kube-posture', '--as-group=system:authenticated']);
    for (const ns of ['default', 'kube-system', 'kube-posture', 'team-a']) {
      const rows = (as(['auth', 'can-i', '--list', '-n', ns]) ?? '').trim().split('\n').slice(1);
      expect(rows.some((r) => /^pods\s.*\[get list watch\]$/.test(r.trim()))).toBe(true);
      for (const row of rows) {
        const verbs = /\[([^\]]*)\]\s*$/.exec(row)?.[1]?.split(/\s+/).filter(Boolean) ?? [];
        const resource = row.trim().split(/\s+/)[0] ?? '';
        const writes = verbs.filter((v) => WRITE.has(v));
        if (writes.length) expect(SELF.test(resource), `${ns}: ${row}`).toBe(true);
      }
    }
    // `can-i` exits 1 for "no".
    expect(as(['auth', 'can-i', 'list', 'secrets', '-A'])).toBeUndefined();
    expect(as(['auth', 'can-i', 'get', 'nodes', '--subresource=proxy'])).toBeUndefined();
    expect(as(['auth', 'can-i', 'create', 'tokenreviews.authentication.k8s.io'])).toBeUndefined();
    expect(as(['auth', 'can-i', 'list', 'pods', '-A'])?.trim()).toBe('yes');
  });
});

describe('token sign-in (KUBE_POSTURE_AUTH=token)', () => {
  let restrictedToken = '';
  let viewerToken = '';

  beforeAll(() => {
    applyOptIn(TOKEN_REVIEW);
    // A user who may read namespace team-a only: a ServiceAccount bound to the profile's team-a-reader Role.
    admin.apply(
      [
        JSON.stringify({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'kp-int-team-a', namespace: 'team-a' }, automountServiceAccountToken: false }),
        JSON.stringify({
          apiVersion: 'rbac.authorization.k8s.io/v1',
          kind: 'RoleBinding',
          metadata: { name: 'kp-int-team-a', namespace: 'team-a' },
          roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'team-a-reader' },
          subjects: [{ kind: 'ServiceAccount', name: 'kp-int-team-a', namespace: 'team-a' }],
        }),
      ].join('\n'),
    );
    restrictedToken = admin.run(['-n', 'team-a', 'create', 'token', 'kp-int-team-a', '--duration=1h']).trim();
    viewerToken = admin.run(['-n', 'kube-posture', 'create', 'token', 'kube-posture', '--duration=1h']).trim();
  });
  afterAll(() => {
    deleteOptIn(TOKEN_REVIEW);
    admin.run(['-n', 'team-a', 'delete', '--ignore-not-found', 'rolebinding/kp-int-team-a', 'serviceaccount/kp-int-team-a']);
  });

  async function login(token: string): Promise<{ status: number; cookie?: string; body: unknown }> {
    const res = await signIn(
      new Request('http://127.0.0.1:3000/api/session', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: ORIGIN, 'x-csrf-token': CSRF, cookie: `kp-login-csrf=${CSRF}` },
        body: JSON.stringify({ token }),
      }),
    );
    const cookie = res.headers.getSetCookie().find((s) => s.startsWith('kp-session='))?.split(';')[0];
    return { status: res.status, cookie, body: await res.json() };
  }

  it('a restricted user sees only what their RBAC allows; the dashboard identity sees the cluster', async () => {
    stubEnv({});
    const restricted = await login(restrictedToken);
    expect(restricted.status).toBe(200);
    expect(restricted.body).toMatchObject({ authenticated: true, user: { username: 'system:serviceaccount:team-a:kp-int-team-a' } });
    expect(restricted.cookie).toMatch(/^kp-session=[A-Za-z0-9_-]{43}$/);
    // The token never comes back to the browser.
    expect(JSON.stringify(restricted.body)).not.toContain(restrictedToken);
    const info = await (await sessionInfo(new Request('http://127.0.0.1:3000/api/session', { headers: { cookie: restricted.cookie as string } }))).json();
    expect(info).toMatchObject({ authenticated: true, mode: 'in-cluster', auth: 'token' });

    const mine = await scanThroughRoutes({ cookie: restricted.cookie as string });
    expect(mine.record?.status).toBe('done');
    const p = mine.record?.posture as Posture;
    expect(p.cluster.user).toBe('system:serviceaccount:team-a:kp-int-team-a');
    // Cluster-wide reads are forbidden for this user and say so; team-a was read one by one.
    expect(p.issues.some((i) => i.reason === 'forbidden' && i.kind === 'Node')).toBe(true);
    expect(p.issues.some((i) => i.kind === 'Pod' && /only team-a was read/.test(i.message))).toBe(true);
    expect(p.summary.nodes).toBe(0);
    expect(podNamespaces(p)).toEqual(['team-a']);

    const viewer = await login(viewerToken);
    expect(viewer.status).toBe(200);
    const all = await scanThroughRoutes({ cookie: viewer.cookie as string });
    const q = all.record?.posture as Posture;
    expect(q.summary.nodes).toBeGreaterThan(0);
    expect(podNamespaces(q).length).toBeGreaterThan(2);
    expect(q.issues.filter((i) => i.reason === 'forbidden')).toEqual([]);

    // Two users never share a scan: one cannot read the other's by id.
    const other = await getScanRoute(new Request(`http://127.0.0.1:3000/api/scans/${all.record?.id}`, { headers: { cookie: restricted.cookie as string } }), {
      params: Promise.resolve({ id: all.record?.id as string }),
    });
    expect(other.status).toBe(404);
  });

  it('an invalid, an expired and a forged-but-expired token are refused', async () => {
    stubEnv({});
    expect((await login('not-a-real-token')).status).toBe(401);
    expect((await login('')).status).toBe(401);

    // Re-sign a real token's claims with the cluster's service-account key: once valid (control), once expired.
    const [h, payload] = viewerToken.split('.');
    const claims = JSON.parse(Buffer.from(payload as string, 'base64url').toString('utf8')) as Record<string, unknown>;
    const key = createPrivateKey(readFileSync(join(c.pki, 'sa.key')));
    const forge = (over: Record<string, number>) => {
      const body = Buffer.from(JSON.stringify({ ...claims, ...over })).toString('base64url');
      return `${h}.${body}.${sign('RSA-SHA256', Buffer.from(`${h}.${body}`), key).toString('base64url')}`;
    };
    const now = Math.floor(Date.now() / 1000);
    const loaded = loadKubeConfig(undefined, process.env);
    expect(await reviewToken(loaded, forge({ iat: now - 60, nbf: now - 60, exp: now + 600 }))).toMatchObject({ authenticated: true });
    const expired = forge({ iat: now - 7200, nbf: now - 7200, exp: now - 3600 });
    expect(await reviewToken(loaded, expired)).toMatchObject({ authenticated: false });
    const refused = await login(expired);
    expect(refused.status).toBe(401);
    expect(refused.cookie).toBeUndefined();

    const lines = readFileSync(audit, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.filter((l) => l.action === 'session.login' && l.outcome === 'failure').length).toBeGreaterThanOrEqual(3);
    expect(readFileSync(audit, 'utf8')).not.toContain(viewerToken.split('.')[2] as string);
  });

  it('without a session, APIs answer 401 and pages redirect to /login; cross-site writes are refused', async () => {
    stubEnv({});
    const api = await scanThroughRoutes({});
    expect(api.status).toBe(401);
    expect(api.body).toMatchObject({ error: { code: 'unauthorized' } });
    const call = (method: string, path: string, headers: Record<string, string> = {}) =>
      proxy(new NextRequest(`http://127.0.0.1:3000${path}`, { method, headers: { host: 'kube-posture.example.com', ...headers } }));
    expect(call('GET', '/api/contexts').status).toBe(401);
    expect(call('GET', '/metrics').status).toBe(401);
    const page = call('GET', '/clusters/in-cluster/findings');
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toMatch(/\/login\?next=%2Fclusters%2Fin-cluster%2Ffindings$/);
    expect(call('GET', '/login').status).toBe(200);
    expect(call('GET', '/login').headers.get('set-cookie')).toMatch(/^kp-login-csrf=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict/);

    const viewer = await login(viewerToken);
    const cookie = viewer.cookie as string;
    expect(call('GET', '/api/contexts', { cookie }).status).toBe(200);
    const crossSite = call('POST', '/api/clusters/in-cluster/scans', { cookie, origin: 'https://attacker.example' });
    expect(crossSite.status).toBe(403);
    expect(await crossSite.json()).toMatchObject({ error: { code: 'forbidden' } });
    expect(call('POST', '/api/clusters/in-cluster/scans', { cookie, origin: 'https://kube-posture.example.com' }).status).toBe(200);
  });
});

describe('behind an authenticating proxy (KUBE_POSTURE_AUTH=proxy)', () => {
  beforeAll(() => applyOptIn(IMPERSONATION));
  afterAll(() => deleteOptIn(IMPERSONATION));

  const headers = (peer: string) => ({ [PEER_HEADER]: peer, 'x-forwarded-user': 'alice@example.com', 'x-forwarded-groups': 'team-a-readers, kp-int-extra' });

  it('impersonates the user and each group the trusted proxy sent', async () => {
    stubEnv({ KUBE_POSTURE_AUTH: 'proxy', KUBE_POSTURE_TRUSTED_PROXIES: '127.0.0.1/32', KUBE_POSTURE_NAMESPACES: 'team-a' });
    g[MARK] = true;
    const auditFile = join(c.stateDir, 'audit', 'audit.log');
    const before = readFileSync(auditFile, 'utf8').length;
    const r = await scanThroughRoutes(headers('127.0.0.1'));
    expect(r.record?.status).toBe('done');
    const p = r.record?.posture as Posture;
    expect(p.cluster.user).toBe('alice@example.com');
    expect(p.summary.nodes).toBe(0);
    expect(podNamespaces(p)).toEqual(['team-a']);
    await sleep(1500); // the audit backend writes asynchronously
    const events = readFileSync(auditFile, 'utf8')
      .slice(before)
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { userAgent?: string; user: { username: string }; impersonatedUser?: { username: string; groups?: string[] } })
      .filter((e) => e.userAgent === 'kube-posture' && e.impersonatedUser);
    expect(events.length).toBeGreaterThan(10);
    expect(events[0]?.user.username).toBe('system:serviceaccount:kube-posture:kube-posture');
    // One group per Impersonate-Group header line: not one group named "team-a-readers, kp-int-extra".
    expect(events[0]?.impersonatedUser?.username).toBe('alice@example.com');
    expect(events[0]?.impersonatedUser?.groups).toEqual(expect.arrayContaining(['team-a-readers', 'kp-int-extra']));
    expect(events[0]?.impersonatedUser?.groups?.some((x) => x.includes(','))).toBe(false);
  });

  it('ignores the same headers from any other address', async () => {
    stubEnv({ KUBE_POSTURE_AUTH: 'proxy', KUBE_POSTURE_TRUSTED_PROXIES: '127.0.0.1/32' });
    g[MARK] = true;
    expect((await scanThroughRoutes(headers('192.0.2.44'))).status).toBe(401);
    // And from everywhere when the peer address is unknown (the preload did not run).
    delete g[MARK];
    expect((await scanThroughRoutes(headers('127.0.0.1'))).status).toBe(401);
  });
});

describe('local mode', () => {
  it('refuses a non-local Host header', () => {
    vi.stubEnv('KUBE_POSTURE_MODE', 'local');
    const res = proxy(new NextRequest('http://127.0.0.1:3000/api/contexts', { headers: { host: 'attacker.example:3000' } }));
    expect(res.status).toBe(403);
    expect(proxy(new NextRequest('http://127.0.0.1:3000/api/contexts', { headers: { host: '127.0.0.1:3000' } })).status).toBe(200);
  });
});
