import { afterEach, describe, expect, it } from 'vitest';
import { authenticateRequest, SERVICE_ACCOUNT_USER } from './authenticate';
import { clearCookies, parseCookies, readCookie, serializeCookie } from './cookies';
import { identityKey, serviceAccountNamespace } from './identity';
import { createSession, deleteSession, getSession, jwtExpiry, sameToken } from './sessions';
import { PEER_HEADER } from '../security/client-address';

const MARK = Symbol.for('kube-posture.peer-address');
const g = globalThis as unknown as Record<symbol, unknown>;
afterEach(() => {
  delete g[MARK];
});

const IN_CLUSTER = { KUBE_POSTURE_MODE: 'in-cluster' };
const PROXY = { ...IN_CLUSTER, KUBE_POSTURE_AUTH: 'proxy', KUBE_POSTURE_TRUSTED_PROXIES: '10.0.0.0/8' };
const alice = { method: 'token' as const, username: 'alice', groups: ['dev'] };

describe('sessions', () => {
  it('hold the identity and token server-side behind a random id, and expire', () => {
    const now = 1_000_000;
    const { id, session } = createSession(alice, { token: 'secret-token', ttlMs: 60_000, idleMs: 30_000, now });
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(id).not.toContain('secret');
    expect(getSession(id, now + 1000)?.token).toBe('secret-token');
    expect(session.expiresAt).toBe(now + 60_000);
    expect(getSession(id, now + 1000 + 30_001)).toBeUndefined(); // idle
    const b = createSession(alice, { ttlMs: 60_000, idleMs: 60_000, now });
    expect(getSession(b.id, now + 60_000)).toBeUndefined(); // absolute
  });
  it('never outlive the token', () => {
    const { session } = createSession(alice, { ttlMs: 3_600_000, idleMs: 3_600_000, notAfter: 5000, now: 1000 });
    expect(session.expiresAt).toBe(5000);
  });
  it('are deleted on sign-out and ignore malformed ids', () => {
    const { id } = createSession(alice, { ttlMs: 60_000, idleMs: 60_000 });
    expect(deleteSession(id)).toBe(true);
    expect(getSession(id)).toBeUndefined();
    expect(getSession('../../etc/passwd')).toBeUndefined();
    expect(getSession(undefined)).toBeUndefined();
  });
  it('compare tokens in constant time and read JWT expiry without trusting it', () => {
    expect(sameToken('abc', 'abc')).toBe(true);
    expect(sameToken('abc', 'abd')).toBe(false);
    expect(sameToken('abc', 'abcd')).toBe(false);
    expect(sameToken('', '')).toBe(false);
    const jwt = `x.${Buffer.from(JSON.stringify({ exp: 1234 })).toString('base64url')}.y`;
    expect(jwtExpiry(jwt)).toBe(1_234_000);
    expect(jwtExpiry('opaque-static-token')).toBeUndefined();
  });
});

describe('cookies', () => {
  it('are httpOnly, SameSite=Strict, and __Host-/Secure over TLS', () => {
    expect(serializeCookie('kp-session', 'v', { secure: false, maxAgeSeconds: 60 })).toBe('kp-session=v; Path=/; HttpOnly; SameSite=Strict; Max-Age=60');
    expect(serializeCookie('kp-session', 'v', { secure: true, maxAgeSeconds: 60 })).toBe('__Host-kp-session=v; Path=/; HttpOnly; SameSite=Strict; Secure; Max-Age=60');
    expect(readCookie('a=1; __Host-kp-session=s; kp-session=p', 'kp-session')).toBe('s');
    expect(parseCookies('a=1; a=2; b').get('a')).toBe('1');
    expect(clearCookies('kp-session').every((c) => c.includes('Max-Age=0'))).toBe(true);
  });
});

describe('identity', () => {
  it('keys identities by method, user and groups, regardless of group order', () => {
    expect(identityKey({ ...alice, groups: ['a', 'b'] })).toBe(identityKey({ ...alice, groups: ['b', 'a'] }));
    expect(identityKey(alice)).not.toBe(identityKey({ ...alice, username: 'bob' }));
    expect(identityKey(alice)).not.toBe(identityKey({ ...alice, method: 'proxy' }));
    expect(serviceAccountNamespace('system:serviceaccount:team-a:reader')).toBe('team-a');
    expect(serviceAccountNamespace('alice')).toBeUndefined();
  });
});

describe('authenticateRequest', () => {
  const headers = (o: Record<string, string> = {}) => new Headers(o);

  it('local mode is the operator, with scans shared as before', () => {
    const r = authenticateRequest(headers(), {});
    expect(r.ok && r.identity.method).toBe('local');
    expect(r.ok && r.scope.key).toBeUndefined();
  });

  it('token mode needs a live session and scans with its token', () => {
    expect(authenticateRequest(headers(), IN_CLUSTER)).toMatchObject({ ok: false, status: 401 });
    const { id } = createSession({ method: 'token', username: 'system:serviceaccount:team-a:reader', groups: [] }, { token: 't0k', ttlMs: 60_000, idleMs: 60_000 });
    const r = authenticateRequest(headers({ cookie: `kp-session=${id}` }), IN_CLUSTER);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scope.auth).toEqual({ token: 't0k' });
    expect(r.scope.namespaces).toEqual(['team-a']);
    expect(r.scope.key).toBe(identityKey(r.identity));
    // Proxy headers mean nothing in token mode.
    g[MARK] = true;
    expect(authenticateRequest(headers({ [PEER_HEADER]: '10.0.0.1', 'x-forwarded-user': 'root' }), IN_CLUSTER)).toMatchObject({ ok: false, status: 401 });
  });

  it('proxy mode believes the headers only from a trusted peer', () => {
    const h = { 'x-forwarded-user': 'alice@example.com', 'x-forwarded-groups': 'team-a-readers, ops,system:authenticated' };
    // The preload did not run: the peer header could be forged, so nothing is trusted.
    expect(authenticateRequest(headers({ ...h, [PEER_HEADER]: '10.1.2.3' }), PROXY)).toMatchObject({ ok: false, status: 401 });
    g[MARK] = true;
    expect(authenticateRequest(headers({ ...h, [PEER_HEADER]: '192.168.1.1' }), PROXY)).toMatchObject({ ok: false, status: 401 });
    const r = authenticateRequest(headers({ ...h, [PEER_HEADER]: '10.1.2.3' }), PROXY);
    expect(r.ok && r.identity).toEqual({ method: 'proxy', username: 'alice@example.com', groups: ['team-a-readers', 'ops'] });
    expect(r.ok && r.scope.auth).toEqual({ impersonate: { user: 'alice@example.com', groups: ['team-a-readers', 'ops'] } });
  });

  it('proxy mode adds the API server\'s OIDC prefixes, and still refuses system names', () => {
    g[MARK] = true;
    const env = { ...PROXY, KUBE_POSTURE_USER_PREFIX: 'oidc:', KUBE_POSTURE_GROUP_PREFIX: 'oidc:' };
    const r = authenticateRequest(headers({ [PEER_HEADER]: '10.0.0.1', 'x-forwarded-user': 'alice', 'x-forwarded-groups': 'admins' }), env);
    expect(r.ok && r.scope.auth).toEqual({ impersonate: { user: 'oidc:alice', groups: ['oidc:admins'] } });
    const sys = authenticateRequest(headers({ [PEER_HEADER]: '10.0.0.1', 'x-forwarded-user': 'alice' }), { ...PROXY, KUBE_POSTURE_USER_PREFIX: 'system:' });
    expect(sys).toMatchObject({ ok: false, status: 403 });
  });

  it('proxy mode accepts the shared secret instead of an address', () => {
    const secret = 's'.repeat(40);
    const env = { ...IN_CLUSTER, KUBE_POSTURE_AUTH: 'proxy', KUBE_POSTURE_PROXY_SECRET: secret };
    const h = { 'x-forwarded-user': 'bob' };
    expect(authenticateRequest(headers({ ...h, 'x-kube-posture-proxy-secret': 'wrong' }), env)).toMatchObject({ ok: false, status: 401 });
    expect(authenticateRequest(headers({ ...h, 'x-kube-posture-proxy-secret': secret }), env)).toMatchObject({ ok: true });
  });

  it('proxy mode never impersonates system users or groups', () => {
    g[MARK] = true;
    const peer = { [PEER_HEADER]: '10.0.0.1' };
    expect(authenticateRequest(headers({ ...peer, 'x-forwarded-user': 'system:admin' }), PROXY)).toMatchObject({ ok: false, status: 403 });
    expect(authenticateRequest(headers({ ...peer, 'x-forwarded-user': 'eve', 'x-forwarded-groups': 'system:masters' }), PROXY)).toMatchObject({ ok: false, status: 403 });
    expect(authenticateRequest(headers({ ...peer, 'x-forwarded-user': 'eve\u0007' }), PROXY)).toMatchObject({ ok: false, status: 403 });
    expect(authenticateRequest(headers({ ...peer }), PROXY)).toMatchObject({ ok: false, status: 401 });
  });

  it('service-account mode is everyone, labelled, with the dashboard identity', () => {
    const r = authenticateRequest(headers(), { ...IN_CLUSTER, KUBE_POSTURE_AUTH: 'service-account' });
    expect(r.ok && r.identity.username).toBe(SERVICE_ACCOUNT_USER);
    expect(r.ok && r.scope.auth).toBeUndefined();
    expect(r.ok && r.scope.key).toBeDefined();
  });

  it('a broken configuration refuses instead of opening up', () => {
    expect(authenticateRequest(headers(), { KUBE_POSTURE_MODE: 'open' })).toMatchObject({ ok: false, status: 500 });
    expect(authenticateRequest(headers(), { ...IN_CLUSTER, KUBE_POSTURE_AUTH: 'none' })).toMatchObject({ ok: false, status: 500 });
  });
});
