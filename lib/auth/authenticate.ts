/**
 * Who is asking, from the request headers alone (no call to the cluster), for proxy.ts and the
 * route handlers alike:
 *  - local mode: the operator;
 *  - `service-account`: the dashboard's own account, for everyone (explicit opt-in);
 *  - `proxy`: the user and groups an authenticating proxy sent, believed only when the request
 *    comes from a KUBE_POSTURE_TRUSTED_PROXIES address or carries the shared secret; otherwise
 *    those headers are ignored and the request is not signed in;
 *  - `token`: the server-side session named by the session cookie.
 */
import { authConfig, runMode, type AuthConfig } from './config';
import { readCookie, SESSION_COOKIE } from './cookies';
import { identityKey, LOCAL_IDENTITY, serviceAccountNamespace, type Identity, type ScanScope } from './identity';
import { getSession, sameToken, type Session } from './sessions';
import { inAny } from '../security/cidr';
import { peerAddress } from '../security/client-address';

type HeaderSource = { get(name: string): string | null };
type Env = Record<string, string | undefined>;

export type AuthOutcome =
  | { ok: true; identity: Identity; scope: ScanScope; session?: Session }
  | { ok: false; status: 401 | 403 | 500; code: 'unauthorized' | 'forbidden' | 'internal'; message: string };

const NAME = /^[^\u0000-\u001f\u007f]{1,256}$/;
const MAX_GROUPS = 64;

export const SERVICE_ACCOUNT_USER = 'kube-posture (service account)';

function scopeFor(identity: Identity, auth: ScanScope['auth']): ScanScope {
  const ns = serviceAccountNamespace(identity.username);
  return { key: identityKey(identity), auth, user: identity.username, namespaces: ns ? [ns] : [] };
}

/** Whether the proxy's identity headers on this request may be believed. */
export function fromTrustedProxy(headers: HeaderSource, cfg: AuthConfig): boolean {
  if (inAny(cfg.trustedProxies, peerAddress(headers))) return true;
  return cfg.proxySecret !== undefined && sameToken(headers.get(cfg.proxySecretHeader), cfg.proxySecret);
}

function proxyIdentity(headers: HeaderSource, cfg: AuthConfig): AuthOutcome {
  const notSignedIn: AuthOutcome = { ok: false, status: 401, code: 'unauthorized', message: 'Sign in through the identity proxy in front of kube-posture.' };
  if (!fromTrustedProxy(headers, cfg)) return notSignedIn;
  const name = headers.get(cfg.userHeader)?.trim();
  if (!name) return notSignedIn;
  // The API server's OIDC prefixes (KUBE_POSTURE_USER_PREFIX / _GROUP_PREFIX), so RBAC bindings match.
  const user = `${cfg.userPrefix}${name}`;
  const groups = [
    ...new Set(
      (headers.get(cfg.groupsHeader) ?? '')
        .split(',')
        .map((g) => g.trim())
        .filter((g) => g && g !== 'system:authenticated')
        .map((g) => `${cfg.groupPrefix}${g}`),
    ),
  ];
  const bad = (what: string) => ({ ok: false, status: 403, code: 'forbidden', message: `The identity proxy sent ${what}; kube-posture does not impersonate it.` }) as const;
  if (!NAME.test(user)) return bad('a user name that is not valid');
  // Impersonating system identities (system:masters, nodes, service accounts) is never what an IdP means.
  if (user.startsWith('system:')) return bad(`the reserved user name "${user}"`);
  if (groups.length > MAX_GROUPS) return bad(`more than ${MAX_GROUPS} groups`);
  for (const g of groups) {
    if (!NAME.test(g)) return bad('a group name that is not valid');
    if (g.startsWith('system:')) return bad(`the reserved group "${g}"`);
  }
  const identity: Identity = { method: 'proxy', username: user, groups };
  return { ok: true, identity, scope: scopeFor(identity, { impersonate: { user, groups } }) };
}

export function authenticateRequest(headers: HeaderSource, env: Env = process.env, now = Date.now()): AuthOutcome {
  let cfg: AuthConfig;
  try {
    if (runMode(env) === 'local') return { ok: true, identity: LOCAL_IDENTITY, scope: { namespaces: [] } };
    cfg = authConfig(env);
  } catch (e) {
    console.error(`[kube-posture] configuration error: ${(e as Error).message}`);
    return { ok: false, status: 500, code: 'internal', message: 'kube-posture is misconfigured; the server log says how.' };
  }
  switch (cfg.method) {
    case 'service-account': {
      const identity: Identity = { method: 'service-account', username: SERVICE_ACCOUNT_USER, groups: [] };
      return { ok: true, identity, scope: { key: identityKey(identity), user: SERVICE_ACCOUNT_USER, namespaces: [] } };
    }
    case 'proxy':
      return proxyIdentity(headers, cfg);
    case 'token': {
      const session = getSession(readCookie(headers.get('cookie'), SESSION_COOKIE), now);
      if (!session) return { ok: false, status: 401, code: 'unauthorized', message: 'Sign in with your Kubernetes token.' };
      return { ok: true, identity: session.identity, scope: scopeFor(session.identity, session.token ? { token: session.token } : undefined), session };
    }
  }
}
