import { NextResponse } from 'next/server';
import { audit } from '@/lib/audit/log';
import { authenticateRequest } from '@/lib/auth/authenticate';
import { authConfig, runMode } from '@/lib/auth/config';
import { clearCookies, LOGIN_CSRF_COOKIE, readCookie, serializeCookie, SESSION_COOKIE, useSecureCookies } from '@/lib/auth/cookies';
import { signInWithToken } from '@/lib/auth/login';
import { deleteSession, sameToken } from '@/lib/auth/sessions';
import { readForm } from '@/lib/auth/form';
import { safeNext } from '@/lib/security/gate';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const NO_STORE = { 'Cache-Control': 'no-store' };

function error(status: number, code: string, message: string): NextResponse {
  return NextResponse.json({ error: { code, message } }, { status, headers: NO_STORE });
}

/**
 * Who is signed in and how this server authenticates, for the UI (a banner in the read-only
 * service-account mode). Answers without a session: `{ authenticated: false, … }`.
 */
export function GET(req: Request) {
  const mode = runMode();
  const who = authenticateRequest(req.headers);
  const auth = mode === 'local' ? 'local' : authConfig().method;
  const base = {
    mode,
    auth,
    readOnly: auth === 'service-account',
    ...(auth === 'service-account'
      ? { notice: "Read-only shared view: everyone who can open this page sees what kube-posture's own service account may read. Nobody is signed in." }
      : {}),
  };
  if (!who.ok) return NextResponse.json({ ...base, authenticated: false }, { headers: NO_STORE });
  return NextResponse.json(
    {
      ...base,
      authenticated: true,
      user: { username: who.identity.username, groups: who.identity.groups },
      ...(who.session ? { expiresAt: new Date(who.session.expiresAt).toISOString() } : {}),
    },
    { headers: NO_STORE },
  );
}

/**
 * Sign in with a Kubernetes bearer token (KUBE_POSTURE_AUTH=token, in-cluster mode). Either JSON
 * `{ token }` with the form's CSRF token in `X-CSRF-Token`, or the sign-in form's fields
 * (`token`, `csrf`, `next`), answered with a redirect. The CSRF token must equal the
 * SameSite=Strict `kp-login-csrf` cookie set with the form.
 */
export async function POST(req: Request) {
  if (runMode() !== 'in-cluster' || authConfig().method !== 'token') {
    return error(409, 'not-configured', 'Signing in with a token is only available in in-cluster mode with KUBE_POSTURE_AUTH=token.');
  }
  const isForm = (req.headers.get('content-type') ?? '').startsWith('application/x-www-form-urlencoded');
  const isJson = /^application\/json\b/i.test(req.headers.get('content-type') ?? '');
  if (!isForm && !isJson) return error(415, 'invalid-input', 'Send { "token": "…" } as JSON, or use the sign-in form.');
  const body = await readForm(req, 16 * 1024, isJson);
  if (!body) return error(400, 'invalid-input', 'The body is not valid or too large.');
  const next = safeNext(body.next);
  const back = (err: string) => new NextResponse(null, { status: 303, headers: { Location: `/login?error=${err}${next === '/' ? '' : `&next=${encodeURIComponent(next)}`}`, ...NO_STORE } });

  const csrf = isForm ? body.csrf : req.headers.get('x-csrf-token');
  if (!sameToken(csrf, readCookie(req.headers.get('cookie'), LOGIN_CSRF_COOKIE))) {
    audit(req, 'session.login', 'denied', { reason: 'csrf' });
    return isForm ? back('expired-form') : error(403, 'forbidden', 'The sign-in form has expired or did not come from this site; reload it and try again.');
  }

  const result = await signInWithToken(body.token ?? '');
  if (!result.ok) {
    audit(req, 'session.login', 'failure', { reason: result.reason });
    if (isForm) return back(result.reason);
    return result.reason === 'invalid' ? error(401, 'unauthorized', result.message) : error(503, 'unreachable', result.message);
  }
  const { identity, expiresAt } = result.session;
  audit(req, 'session.login', 'success', { user: identity.username, auth: 'token', groups: identity.groups });
  const secure = useSecureCookies(authConfig().secureCookies, req.url, req.headers);
  const res = isForm
    ? new NextResponse(null, { status: 303, headers: { Location: next, ...NO_STORE } })
    : NextResponse.json({ authenticated: true, user: { username: identity.username, groups: identity.groups }, expiresAt: new Date(expiresAt).toISOString() }, { headers: NO_STORE });
  res.headers.append('Set-Cookie', serializeCookie(SESSION_COOKIE, result.id, { secure, maxAgeSeconds: (expiresAt - Date.now()) / 1000 }));
  for (const c of clearCookies(LOGIN_CSRF_COOKIE)) res.headers.append('Set-Cookie', c);
  return res;
}

/** Sign out: the session is deleted on the server and the cookie cleared. */
export function DELETE(req: Request) {
  const id = readCookie(req.headers.get('cookie'), SESSION_COOKIE);
  const who = authenticateRequest(req.headers);
  const deleted = deleteSession(id);
  if (deleted) audit(req, 'session.logout', 'success', who.ok ? { user: who.identity.username, auth: who.identity.method } : {});
  const res = NextResponse.json({ authenticated: false }, { headers: NO_STORE });
  for (const c of clearCookies(SESSION_COOKIE)) res.headers.append('Set-Cookie', c);
  return res;
}
