import 'server-only';
/**
 * Token sign-in: the API server vouches for the token (TokenReview), then a server-side session
 * holds it and the browser gets only the session id. Scans then use the token itself, so a user
 * sees exactly what their RBAC allows.
 */
import { isClusterError } from '../k8s/errors';
import { loadKubeConfig } from '../k8s/kubeconfig';
import { reviewToken } from '../k8s/token-review';
import { authConfig } from './config';
import type { Identity } from './identity';
import { createSession, jwtExpiry, type Session } from './sessions';

export type SignInResult =
  | { ok: true; id: string; session: Session }
  | { ok: false; reason: 'invalid' | 'unavailable'; message: string };

/** Printable ASCII without spaces: what bearer tokens are. Bounded to keep garbage out early. */
const TOKEN = /^[\x21-\x7e]{1,16384}$/;

export async function signInWithToken(raw: string, now = Date.now()): Promise<SignInResult> {
  const token = raw.trim();
  if (!TOKEN.test(token)) return { ok: false, reason: 'invalid', message: 'That is not a bearer token.' };
  const exp = jwtExpiry(token);
  if (exp !== undefined && exp <= now) return { ok: false, reason: 'invalid', message: 'That token has expired.' };
  let review;
  try {
    review = await reviewToken(loadKubeConfig(), token);
  } catch (e) {
    const message = isClusterError(e) ? e.message : 'The API server could not be asked whether the token is valid.';
    if (!isClusterError(e)) console.error('[kube-posture] token review failed', e);
    return { ok: false, reason: 'unavailable', message };
  }
  if (!review.authenticated) return { ok: false, reason: 'invalid', message: 'The API server did not accept that token (it may be expired or revoked).' };
  const cfg = authConfig();
  const identity: Identity = { method: 'token', username: review.user.username, groups: review.user.groups, ...(review.user.uid ? { uid: review.user.uid } : {}) };
  const { id, session } = createSession(identity, { token, ttlMs: cfg.sessionTtlMs, idleMs: cfg.sessionIdleMs, notAfter: exp, now });
  return { ok: true, id, session };
}
