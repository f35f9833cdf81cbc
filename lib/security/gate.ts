/**
 * The decision proxy.ts takes for every request, as a pure function of the request and the
 * environment (so it is unit-tested without a server):
 *
 * 1. Local mode answers only to loopback Host names (DNS rebinding) — in-cluster mode may be
 *    reached under any name, but every request there is authenticated.
 * 2. State-changing requests must come from this origin (Origin / Sec-Fetch-Site): with
 *    SameSite=Strict cookies this is the CSRF defence; the sign-in form adds a CSRF token.
 * 3. Bodies larger than the route accepts are refused from Content-Length (413).
 * 4. In-cluster: sign-in and snapshot creation are rate limited per client address; every path
 *    but the sign-in page, /api/session and /api/health needs an identity (lib/auth): APIs answer
 *    401, pages redirect to /login. The service-account (wall screen) mode is read-only.
 */
import { authenticateRequest } from '../auth/authenticate';
import { authConfig, runMode, type AuthMethod, type RunMode } from '../auth/config';
import { fromTrustedProxy } from '../auth/authenticate';
import { clientAddress } from './client-address';
import { allowedHosts, isLoopbackHost, isSameOriginWrite } from './host';
import { take, type BucketSpec } from './rate-limit';

type HeaderSource = { get(name: string): string | null };
type Env = Record<string, string | undefined>;

export interface GateRequest {
  method: string;
  pathname: string;
  search: string;
  headers: HeaderSource;
}

export type GateResult =
  | { kind: 'refuse'; status: number; code: 'forbidden' | 'unauthorized' | 'invalid-input' | 'internal' | 'rate-limited'; message: string; retryAfterSeconds?: number }
  | { kind: 'redirect'; location: string }
  | { kind: 'pass'; mode: RunMode; auth?: AuthMethod };

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Paths reachable without signing in (in-cluster mode). Static assets never reach the proxy. */
export function isPublicPath(pathname: string): boolean {
  return pathname === '/login' || pathname === '/api/session' || pathname === '/api/health' || pathname === '/favicon.svg' || pathname === '/robots.txt';
}

/**
 * A share link is a capability: ≥128 random bits, revocable, expiring, noindex. Reading it (the
 * page, its JSON, exports and compact file) needs no sign-in, so an auditor without cluster access can open
 * it. KUBE_POSTURE_SHARE_LINKS=signed-in makes them require a session like everything else.
 */
// The share page and its findings table, the snapshot's JSON, exports and compact file (which the
// share page fetches to expand its rows), and the check catalogue those pages read for
// descriptions and remediations (public knowledge, nothing about a cluster).
const SHARE_READ = /^\/(s\/[A-Za-z0-9_-]{22,64}(\/findings)?|api\/snapshots\/[A-Za-z0-9_-]{22,64}(\/export|\/file)?|api\/checks)$/;
export function isShareRead(method: string, pathname: string, env: Env = process.env): boolean {
  return SAFE.has(method) && env.KUBE_POSTURE_SHARE_LINKS !== 'signed-in' && (SHARE_READ.test(pathname) || pathname === '/sample' || pathname.startsWith('/sample/'));
}

/** Machine-facing paths answer 401 JSON; pages redirect to the sign-in page. */
const isApiPath = (pathname: string) => pathname.startsWith('/api/') || pathname === '/metrics';

/** What the proxy buffers of a body for the route: next.config.js `experimental.proxyClientMaxBodySize` (26 MB). */
export const PROXY_BODY_LIMIT = 26 * 1024 * 1024;

export function bodyLimit(method: string, pathname: string, env: Env = process.env): number {
  if (SAFE.has(method)) return 0;
  if (pathname === '/api/session') return 16 * 1024;
  if (pathname === '/api/snapshots/import') {
    const n = Number(env.KUBE_POSTURE_MAX_IMPORT_BYTES);
    return Math.min(Number.isInteger(n) && n > 0 ? n : 25 * 1024 * 1024, PROXY_BODY_LIMIT);
  }
  return 1024 * 1024;
}

export const LOGIN_BUCKET: BucketSpec = { capacity: 10, perMinute: 10 };
export const SNAPSHOT_BUCKET: BucketSpec = { capacity: 30, perMinute: 30 };

function bucketFor(method: string, pathname: string): { name: string; spec: BucketSpec } | undefined {
  if (method !== 'POST') return undefined;
  if (pathname === '/api/session') return { name: 'login', spec: LOGIN_BUCKET };
  if (pathname === '/api/snapshots' || pathname === '/api/snapshots/import') return { name: 'snapshot', spec: SNAPSHOT_BUCKET };
  return undefined;
}

/** `/login?next=…` with the page the user wanted, when it is a local path. */
export function loginLocation(pathname: string, search: string): string {
  const next = `${pathname}${search}`;
  return next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`;
}

/** A `next` target that stays on this site: a single leading slash, no scheme, no backslash tricks. */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.includes('\\') || /[\u0000-\u001f]/.test(next)) return '/';
  return next;
}

const refuse = (status: number, code: Extract<GateResult, { kind: 'refuse' }>['code'], message: string, retryAfterSeconds?: number): GateResult => ({
  kind: 'refuse',
  status,
  code,
  message,
  ...(retryAfterSeconds ? { retryAfterSeconds } : {}),
});

export function gate(req: GateRequest, env: Env = process.env, now = Date.now()): GateResult {
  const method = req.method.toUpperCase();
  const host = req.headers.get('host');
  let mode: RunMode;
  try {
    mode = runMode(env);
  } catch (e) {
    console.error(`[kube-posture] configuration error: ${(e as Error).message}`);
    return refuse(500, 'internal', 'kube-posture is misconfigured; the server log says how.');
  }

  if (mode === 'local' && !isLoopbackHost(host, allowedHosts(env))) {
    return refuse(403, 'forbidden', 'kube-posture in local mode answers only on localhost: it serves your own cluster credentials without a login.');
  }

  let cfg: ReturnType<typeof authConfig> | undefined;
  if (mode === 'in-cluster') {
    try {
      cfg = authConfig(env);
    } catch (e) {
      console.error(`[kube-posture] configuration error: ${(e as Error).message}`);
      return refuse(500, 'internal', 'kube-posture is misconfigured; the server log says how.');
    }
  }

  if (!SAFE.has(method)) {
    const origin = req.headers.get('origin');
    // Behind a trusted proxy the browser's host may only be in X-Forwarded-Host.
    const forwardedHost = cfg && fromTrustedProxy(req.headers, cfg) ? req.headers.get('x-forwarded-host')?.split(',')[0]?.trim() : undefined;
    const fetchSite = req.headers.get('sec-fetch-site');
    // With `Referrer-Policy: no-referrer` browsers send `Origin: null` on form posts, even to the
    // same origin; Sec-Fetch-Site (which pages cannot set) then says where the post came from.
    const sameOrigin =
      isSameOriginWrite(method, origin, host) ||
      (forwardedHost !== undefined && origin !== null && isSameOriginWrite(method, origin, forwardedHost)) ||
      (origin === 'null' && fetchSite === 'same-origin');
    if (!sameOrigin || fetchSite === 'cross-site' || fetchSite === 'same-site') return refuse(403, 'forbidden', 'Cross-site requests are not accepted.');
    const declared = Number(req.headers.get('content-length'));
    const limit = bodyLimit(method, req.pathname, env);
    if (Number.isFinite(declared) && declared > limit) return refuse(413, 'invalid-input', `The body is larger than the limit of ${limit} bytes for ${req.pathname}.`);
  }

  if (mode === 'local' || !cfg) return { kind: 'pass', mode };

  const bucket = bucketFor(method, req.pathname);
  if (bucket) {
    const r = take(bucket.name, clientAddress(req.headers, cfg.trustedProxies), bucket.spec, now);
    if (!r.ok) return refuse(429, 'rate-limited', `Too many requests from your address; try again in ${r.retryAfterSeconds} s.`, r.retryAfterSeconds);
  }

  if (isPublicPath(req.pathname) || isShareRead(method, req.pathname, env)) return { kind: 'pass', mode, auth: cfg.method };

  const who = authenticateRequest(req.headers, env, now);
  if (!who.ok) {
    if (who.status === 401 && !isApiPath(req.pathname) && SAFE.has(method)) return { kind: 'redirect', location: loginLocation(req.pathname, req.search) };
    return refuse(who.status, who.code, who.message);
  }
  if (cfg.method === 'service-account' && !SAFE.has(method) && !/^\/api\/clusters\/[^/]+\/scans$/.test(req.pathname)) {
    return refuse(403, 'forbidden', 'This kube-posture runs in read-only service-account mode (a shared screen): nothing can be changed here.');
  }
  return { kind: 'pass', mode, auth: cfg.method };
}
