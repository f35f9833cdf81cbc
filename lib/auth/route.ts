import 'server-only';
/**
 * For route handlers: the identity behind a request, or the 401/403 response to send. proxy.ts
 * already turns away requests without one; routes that act for a user (scans, snapshots) ask
 * again so they never run without knowing whose rights to use.
 */
import type { NextResponse } from 'next/server';
import { apiError } from '../api/respond';
import type { ApiError } from '../posture/types';
import { authenticateRequest } from './authenticate';
import type { Identity, ScanScope } from './identity';

export type RouteIdentity = { ok: true; identity: Identity; scope: ScanScope } | { ok: false; response: NextResponse<ApiError> };

export function requireIdentity(req: Request): RouteIdentity {
  const who = authenticateRequest(req.headers);
  if (who.ok) return { ok: true, identity: who.identity, scope: who.scope };
  return { ok: false, response: apiError(who.code, who.message) };
}

/** Extra fallback namespaces for a scan as this identity (a service account's own), merged with KUBE_POSTURE_NAMESPACES. */
export function scopeNamespaces(scope: ScanScope, configured: readonly string[]): string[] | undefined {
  return scope.namespaces.length ? [...new Set([...configured, ...scope.namespaces])] : undefined;
}
