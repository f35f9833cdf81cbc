/**
 * Runs before every request: local-mode host and origin checks, then security headers and a
 * per-request CSP nonce (Next.js puts it on its own scripts).
 */
import { NextResponse, type NextRequest } from 'next/server';
import { contentSecurityPolicy, securityHeaders } from './lib/security/headers';
import { allowedHosts, isLoopbackHost, isSameOriginWrite } from './lib/security/host';

function refuse(status: number, code: string, message: string): NextResponse {
  return NextResponse.json({ error: { code, message } }, { status, headers: securityHeaders({ https: false }) });
}

export function proxy(request: NextRequest): NextResponse {
  const host = request.headers.get('host');
  const localMode = (process.env.KUBE_POSTURE_MODE ?? 'local') === 'local';
  if (localMode && !isLoopbackHost(host, allowedHosts())) {
    return refuse(403, 'forbidden', 'kube-posture in local mode answers only on localhost: it serves your own cluster credentials without a login.');
  }
  if (!isSameOriginWrite(request.method, request.headers.get('origin'), host)) {
    return refuse(403, 'forbidden', 'Cross-site requests are not accepted.');
  }

  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === 'development' });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  const https = request.nextUrl.protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https';
  for (const [k, v] of Object.entries(securityHeaders({ https, noindex: request.nextUrl.pathname.startsWith('/s/') }))) response.headers.set(k, v);
  return response;
}

export const config = {
  matcher: [{ source: '/((?!_next/static|_next/image|favicon.svg).*)' }],
};
