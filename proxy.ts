/**
 * Runs before every request (Next.js 16 proxy, in-process on Node): the gate of
 * lib/security/gate.ts (local-mode Host check, same-origin writes, body limits, and in-cluster
 * mode's rate limits and sign-in), then security headers and a per-request CSP nonce (Next.js
 * puts it on its own scripts; the root layout reads it from `x-nonce`).
 */
import { NextResponse, type NextRequest } from 'next/server';
import { authConfig } from './lib/auth/config';
import { LOGIN_CSRF_COOKIE, readCookie, requestIsHttps, serializeCookie, useSecureCookies } from './lib/auth/cookies';
import { randomToken } from './lib/auth/sessions';
import { gate } from './lib/security/gate';
import { contentSecurityPolicy, securityHeaders } from './lib/security/headers';

/** Request headers only this proxy may set for the pages behind it. */
export const LOGIN_CSRF_HEADER = 'x-kp-login-csrf';
const CSRF_VALUE = /^[A-Za-z0-9_-]{43}$/;

const isHttps = (request: NextRequest) => requestIsHttps(request.nextUrl.href, request.headers);

function withSecurityHeaders(response: NextResponse, request: NextRequest, csp: string | undefined, auth: string | undefined): NextResponse {
  if (csp) response.headers.set('Content-Security-Policy', csp);
  for (const [k, v] of Object.entries(securityHeaders({ https: isHttps(request), noindex: request.nextUrl.pathname.startsWith('/s/') }))) response.headers.set(k, v);
  if (auth) response.headers.set('X-Kube-Posture-Auth', auth);
  return response;
}

export function proxy(request: NextRequest): NextResponse {
  const { pathname, search } = request.nextUrl;
  const decision = gate({ method: request.method, pathname, search, headers: request.headers });

  if (decision.kind === 'refuse') {
    const form = (request.headers.get('content-type') ?? '').startsWith('application/x-www-form-urlencoded');
    // The sign-in form (no JavaScript needed) gets its answer as a page, not as JSON.
    if (form && pathname === '/api/session' && decision.status === 429) {
      return withSecurityHeaders(NextResponse.redirect(new URL('/login?error=rate-limited', request.url), 303), request, undefined, undefined);
    }
    const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
    if (decision.retryAfterSeconds) headers['Retry-After'] = String(decision.retryAfterSeconds);
    const res = NextResponse.json({ error: { code: decision.code, message: decision.message } }, { status: decision.status, headers });
    return withSecurityHeaders(res, request, undefined, undefined);
  }
  if (decision.kind === 'redirect') {
    // Next.js turns a same-host redirect into a relative Location: right behind an ingress too.
    const res = NextResponse.redirect(new URL(decision.location, request.url), 303);
    res.headers.set('Cache-Control', 'no-store');
    return withSecurityHeaders(res, request, undefined, undefined);
  }

  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === 'development' });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);
  requestHeaders.delete(LOGIN_CSRF_HEADER);

  // The sign-in form's CSRF token: a cookie (SameSite=Strict) the form must echo back.
  let setCsrf: string | undefined;
  if (pathname === '/login' && decision.mode === 'in-cluster') {
    const existing = readCookie(request.headers.get('cookie'), LOGIN_CSRF_COOKIE);
    const value = existing && CSRF_VALUE.test(existing) ? existing : randomToken();
    requestHeaders.set(LOGIN_CSRF_HEADER, value);
    const secure = useSecureCookies(authConfig().secureCookies, request.nextUrl.href, request.headers);
    if (value !== existing) setCsrf = serializeCookie(LOGIN_CSRF_COOKIE, value, { secure, maxAgeSeconds: 3600 });
  }

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  if (setCsrf) response.headers.append('Set-Cookie', setCsrf);
  return withSecurityHeaders(response, request, csp, decision.auth);
}

export const config = {
  matcher: [{ source: '/((?!_next/static|_next/image|favicon.svg).*)' }],
};
