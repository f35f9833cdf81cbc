import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSession } from '../auth/sessions';
import { PEER_HEADER } from './client-address';
import { bodyLimit, gate, loginLocation, safeNext, type GateRequest, isShareRead } from './gate';
import { resetRateLimits } from './rate-limit';

const MARK = Symbol.for('kube-posture.peer-address');
const g = globalThis as unknown as Record<symbol, unknown>;
beforeEach(() => {
  resetRateLimits();
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  delete g[MARK];
  vi.restoreAllMocks();
});

const req = (method: string, path: string, headers: Record<string, string> = {}): GateRequest => {
  const u = new URL(path, 'http://x');
  return { method, pathname: u.pathname, search: u.search, headers: new Headers({ host: '127.0.0.1:3000', ...headers }) };
};
const IN_CLUSTER = { KUBE_POSTURE_MODE: 'in-cluster' };

describe('local mode', () => {
  it('refuses a non-local Host (DNS rebinding) and accepts loopback names', () => {
    expect(gate(req('GET', '/', { host: 'evil.example' }), {})).toMatchObject({ kind: 'refuse', status: 403 });
    expect(gate(req('GET', '/api/contexts', { host: '127.0.0.1.nip.io:3000' }), {})).toMatchObject({ kind: 'refuse', status: 403 });
    expect(gate(req('GET', '/', { host: 'localhost:3000' }), {})).toMatchObject({ kind: 'pass', mode: 'local' });
    expect(gate(req('GET', '/', { host: 'posture.lan' }), { KUBE_POSTURE_ALLOWED_HOSTS: 'posture.lan' })).toMatchObject({ kind: 'pass' });
  });
  it('refuses cross-site writes but lets the CLI (no Origin) through', () => {
    expect(gate(req('POST', '/api/clusters/kp/scans', { origin: 'https://evil.example' }), {})).toMatchObject({ kind: 'refuse', status: 403 });
    expect(gate(req('POST', '/api/clusters/kp/scans', { origin: 'http://127.0.0.1:3000', 'sec-fetch-site': 'cross-site' }), {})).toMatchObject({ kind: 'refuse', status: 403 });
    expect(gate(req('POST', '/api/clusters/kp/scans', { origin: 'http://127.0.0.1:3000' }), {})).toMatchObject({ kind: 'pass' });
    expect(gate(req('POST', '/api/clusters/kp/scans'), {})).toMatchObject({ kind: 'pass' });
    // A same-origin form post under Referrer-Policy: no-referrer carries `Origin: null`.
    expect(gate(req('POST', '/api/session', { origin: 'null', 'sec-fetch-site': 'same-origin' }), {})).toMatchObject({ kind: 'pass' });
    expect(gate(req('POST', '/api/session', { origin: 'null' }), {})).toMatchObject({ kind: 'refuse', status: 403 });
    expect(gate(req('POST', '/api/session', { origin: 'null', 'sec-fetch-site': 'cross-site' }), {})).toMatchObject({ kind: 'refuse', status: 403 });
    expect(gate(req('POST', '/api/session', { origin: 'http://127.0.0.1:3000', 'sec-fetch-site': 'same-site' }), {})).toMatchObject({ kind: 'refuse', status: 403 });
  });
  it('refuses bodies over the route limit from Content-Length', () => {
    expect(gate(req('POST', '/api/waivers', { 'content-length': String(2 * 1024 * 1024) }), {})).toMatchObject({ kind: 'refuse', status: 413 });
    expect(gate(req('POST', '/api/snapshots/import', { 'content-length': String(5 * 1024 * 1024) }), {})).toMatchObject({ kind: 'pass' });
    expect(bodyLimit('POST', '/api/snapshots/import', { KUBE_POSTURE_MAX_IMPORT_BYTES: '1000' })).toBe(1000);
    expect(bodyLimit('POST', '/api/snapshots/import', {})).toBe(25 * 1024 * 1024);
  });
  it('needs no sign-in', () => {
    expect(gate(req('GET', '/clusters/kp-weak'), {})).toMatchObject({ kind: 'pass' });
  });
});

describe('in-cluster mode', () => {
  it('answers on any Host name but needs a session: 401 for APIs, a redirect for pages', () => {
    expect(gate(req('GET', '/api/contexts', { host: 'posture.example.com' }), IN_CLUSTER)).toMatchObject({ kind: 'refuse', status: 401, code: 'unauthorized' });
    expect(gate(req('GET', '/metrics', { host: 'posture.example.com' }), IN_CLUSTER)).toMatchObject({ kind: 'refuse', status: 401 });
    expect(gate(req('GET', '/clusters/in-cluster/findings?severity=high'), IN_CLUSTER)).toEqual({ kind: 'redirect', location: '/login?next=%2Fclusters%2Fin-cluster%2Ffindings%3Fseverity%3Dhigh' });
    expect(gate(req('GET', '/'), IN_CLUSTER)).toEqual({ kind: 'redirect', location: '/login' });
    expect(gate(req('POST', '/api/clusters/in-cluster/scans'), IN_CLUSTER)).toMatchObject({ kind: 'refuse', status: 401 });
  });
  it('lets the sign-in page, the session API and the health probe through', () => {
    for (const p of ['/login', '/api/session', '/api/health']) expect(gate(req('GET', p), IN_CLUSTER)).toMatchObject({ kind: 'pass' });
  });
  it('passes a signed-in request', () => {
    const { id } = createSession({ method: 'token', username: 'alice', groups: [] }, { ttlMs: 60_000, idleMs: 60_000 });
    expect(gate(req('GET', '/api/contexts', { cookie: `kp-session=${id}` }), IN_CLUSTER)).toMatchObject({ kind: 'pass', auth: 'token' });
    expect(gate(req('POST', '/api/snapshots', { cookie: `kp-session=${id}`, origin: 'https://evil.example' }), IN_CLUSTER)).toMatchObject({ kind: 'refuse', status: 403 });
  });
  it('rate limits sign-in attempts per client address', () => {
    g[MARK] = true;
    const attempt = (peer: string) => gate(req('POST', '/api/session', { [PEER_HEADER]: peer }), IN_CLUSTER, 1_000_000);
    for (let i = 0; i < 10; i++) expect(attempt('203.0.113.1')).toMatchObject({ kind: 'pass' });
    expect(attempt('203.0.113.1')).toMatchObject({ kind: 'refuse', status: 429, retryAfterSeconds: 6 });
    expect(attempt('203.0.113.2')).toMatchObject({ kind: 'pass' });
    // A minute later the bucket has refilled.
    expect(gate(req('POST', '/api/session', { [PEER_HEADER]: '203.0.113.1' }), IN_CLUSTER, 1_060_000)).toMatchObject({ kind: 'pass' });
  });
  it('rate limits snapshot creation', () => {
    const { id } = createSession({ method: 'token', username: 'alice', groups: [] }, { ttlMs: 60_000, idleMs: 60_000 });
    const create = () => gate(req('POST', '/api/snapshots', { cookie: `kp-session=${id}` }), IN_CLUSTER, 2_000_000);
    for (let i = 0; i < 30; i++) expect(create()).toMatchObject({ kind: 'pass' });
    expect(create()).toMatchObject({ kind: 'refuse', status: 429 });
  });
  it('behind a trusted proxy accepts the forwarded host as this origin', () => {
    g[MARK] = true;
    const env = { ...IN_CLUSTER, KUBE_POSTURE_AUTH: 'proxy', KUBE_POSTURE_TRUSTED_PROXIES: '10.0.0.0/8' };
    const h = { host: 'kube-posture.kube-posture.svc:3000', 'x-forwarded-host': 'posture.example.com', origin: 'https://posture.example.com', 'x-forwarded-user': 'alice' };
    expect(gate(req('POST', '/api/snapshots', { ...h, [PEER_HEADER]: '10.0.0.2' }), env)).toMatchObject({ kind: 'pass', auth: 'proxy' });
    // From anywhere else, X-Forwarded-Host is not believed (and neither is the user).
    expect(gate(req('POST', '/api/snapshots', { ...h, [PEER_HEADER]: '172.16.0.9' }), env)).toMatchObject({ kind: 'refuse', status: 403 });
  });
  it('service-account mode is read-only except for scanning', () => {
    const env = { ...IN_CLUSTER, KUBE_POSTURE_AUTH: 'service-account' };
    expect(gate(req('GET', '/api/contexts'), env)).toMatchObject({ kind: 'pass', auth: 'service-account' });
    expect(gate(req('POST', '/api/clusters/in-cluster/scans'), env)).toMatchObject({ kind: 'pass' });
    expect(gate(req('POST', '/api/snapshots'), env)).toMatchObject({ kind: 'refuse', status: 403 });
    expect(gate(req('DELETE', '/api/waivers?context=x'), env)).toMatchObject({ kind: 'refuse', status: 403 });
  });
  it('a misconfiguration refuses everything', () => {
    expect(gate(req('GET', '/'), { KUBE_POSTURE_MODE: 'bogus' })).toMatchObject({ kind: 'refuse', status: 500 });
    expect(gate(req('GET', '/api/health'), { ...IN_CLUSTER, KUBE_POSTURE_TRUSTED_PROXIES: 'everyone' })).toMatchObject({ kind: 'refuse', status: 500 });
  });
});

describe('redirect targets', () => {
  it('only ever stay on this site', () => {
    expect(safeNext('/clusters/x?y=1')).toBe('/clusters/x?y=1');
    for (const bad of ['//evil.example', '/\\evil.example', 'https://evil.example', 'javascript:alert(1)', '/\u0000x', '', null]) expect(safeNext(bad)).toBe('/');
    expect(loginLocation('/', '')).toBe('/login');
  });
});

describe('share links', () => {
  const id = 'AbCdEfGhIjKlMnOpQrStUvWx';
  it('are readable without a session in in-cluster mode (the link is the capability)', () => {
    expect(isShareRead('GET', `/s/${id}`, {})).toBe(true);
    expect(isShareRead('GET', `/api/snapshots/${id}`, {})).toBe(true);
    expect(isShareRead('GET', `/api/snapshots/${id}/export`, {})).toBe(true);
    expect(isShareRead('GET', `/api/snapshots/${id}/file`, {})).toBe(true);
    expect(isShareRead('GET', '/sample', {})).toBe(true);
    expect(isShareRead('GET', `/s/${id}/findings`, {})).toBe(true);
    expect(isShareRead('GET', '/api/checks', {})).toBe(true);
    expect(isShareRead('GET', `/s/${id}/findings/x`, {})).toBe(false);
    expect(isShareRead('POST', '/api/checks', {})).toBe(false);
  });
  it('never cover writes, listings, other paths or short ids', () => {
    expect(isShareRead('DELETE', `/api/snapshots/${id}`, {})).toBe(false);
    expect(isShareRead('POST', `/api/snapshots/${id}/file`, {})).toBe(false);
    expect(isShareRead('GET', `/api/snapshots/${id}/file/x`, {})).toBe(false);
    expect(isShareRead('GET', '/api/snapshots', {})).toBe(false);
    expect(isShareRead('GET', '/api/snapshots/diff', {})).toBe(false);
    expect(isShareRead('GET', '/s/short', {})).toBe(false);
    expect(isShareRead('GET', `/s/${id}/../../api/contexts`, {})).toBe(false);
  });
  it('can be made to require a session', () => {
    expect(isShareRead('GET', `/s/${id}`, { KUBE_POSTURE_SHARE_LINKS: 'signed-in' })).toBe(false);
    expect(isShareRead('GET', `/api/snapshots/${id}/file`, { KUBE_POSTURE_SHARE_LINKS: 'signed-in' })).toBe(false);
  });
});
