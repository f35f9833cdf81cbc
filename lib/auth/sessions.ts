/**
 * Server-side sessions: the browser holds only an opaque random id (256 bits) in an httpOnly
 * cookie; the user's token stays here. Sessions expire (absolute TTL and idle timeout, and never
 * after the token's own `exp`), sign-out deletes them, and the map is bounded. Kept on globalThis:
 * proxy.ts and the route bundles are separate module graphs in one process.
 *
 * One process only: with several replicas, route a user to the same pod (the chart sets session
 * affinity) or they sign in again.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Identity } from './identity';

export interface Session {
  identity: Identity;
  /** The user's bearer token (token sign-in only). Never sent to the browser. */
  token?: string;
  createdAt: number;
  expiresAt: number;
  lastSeen: number;
  idleMs: number;
}

const KEY = Symbol.for('kube-posture.sessions');
const MAX_SESSIONS = 10_000;

function store(): Map<string, Session> {
  const g = globalThis as unknown as Record<symbol, Map<string, Session> | undefined>;
  g[KEY] ??= new Map();
  return g[KEY];
}

/** The map is keyed by a digest of the id, so the ids themselves exist only in cookies. */
const digest = (id: string) => createHash('sha256').update(id).digest('base64url');
const ID = /^[A-Za-z0-9_-]{43}$/;

export const randomToken = () => randomBytes(32).toString('base64url');

function sweep(now: number): void {
  const s = store();
  for (const [k, v] of s) if (v.expiresAt <= now || now - v.lastSeen > v.idleMs) s.delete(k);
  // Still full: drop the sessions closest to expiry.
  if (s.size >= MAX_SESSIONS) {
    const oldest = [...s.entries()].sort((a, b) => a[1].expiresAt - b[1].expiresAt).slice(0, s.size - MAX_SESSIONS + 1);
    for (const [k] of oldest) s.delete(k);
  }
}

export function createSession(identity: Identity, opts: { token?: string; ttlMs: number; idleMs: number; notAfter?: number; now?: number }): { id: string; session: Session } {
  const now = opts.now ?? Date.now();
  sweep(now);
  const id = randomToken();
  const expiresAt = Math.min(now + opts.ttlMs, opts.notAfter ?? Number.POSITIVE_INFINITY);
  const session: Session = { identity, token: opts.token, createdAt: now, expiresAt, lastSeen: now, idleMs: opts.idleMs };
  store().set(digest(id), session);
  return { id, session };
}

/** The live session for a cookie value, touching its idle timer; expired ones are deleted. */
export function getSession(id: string | undefined, now = Date.now()): Session | undefined {
  if (!id || !ID.test(id)) return undefined;
  const k = digest(id);
  const s = store().get(k);
  if (!s) return undefined;
  if (s.expiresAt <= now || now - s.lastSeen > s.idleMs) {
    store().delete(k);
    return undefined;
  }
  s.lastSeen = now;
  return s;
}

export function deleteSession(id: string | undefined): boolean {
  if (!id || !ID.test(id)) return false;
  return store().delete(digest(id));
}

export function sessionCount(): number {
  return store().size;
}

/** Constant-time comparison of two tokens. */
export function sameToken(a: string | undefined | null, b: string | undefined | null): boolean {
  if (!a || !b) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The `exp` of a JWT (service-account and OIDC tokens), ms; undefined for other tokens. Not a validation. */
export function jwtExpiry(token: string): number | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(parts[1] as string, 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof claims.exp === 'number' && Number.isFinite(claims.exp) ? claims.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}
