/**
 * How a connection is protected, in one of four looks (DESIGN.md: edges styled by TLS/auth):
 *   secure     verified TLS + real authentication           solid
 *   unverified TLS not verified, or TLS/auth unknown        dashed
 *   exposed    plaintext, anonymous allowed, or no auth    red dotted
 *   local      a unix socket on the node (no network)      thin solid grey
 * A unix socket has neither TLS nor auth by nature; painting the kubelet → runtime socket red
 * would cry wolf on every node, so it gets its own honest look.
 */
import type { AuthState, Edge, TlsState } from '../model/architecture';

export type EdgeProtection = 'secure' | 'unverified' | 'exposed' | 'local';

export const EDGE_PROTECTIONS: readonly EdgeProtection[] = ['secure', 'unverified', 'exposed', 'local'];

export const PROTECTION_TEXT: Record<EdgeProtection, string> = {
  secure: 'Verified TLS + authenticated',
  unverified: 'TLS unverified or unknown',
  exposed: 'Plaintext, anonymous or no auth',
  local: 'Local socket (no network)',
};

export const TLS_TEXT: Record<TlsState, string> = {
  verified: 'verified TLS',
  unverified: 'TLS without certificate verification',
  none: 'no TLS (plaintext)',
  unknown: 'TLS not known',
};

export const AUTH_TEXT: Record<AuthState, string> = {
  'client-cert': 'client certificate',
  token: 'bearer token',
  'anonymous-allowed': 'anonymous requests allowed',
  none: 'no authentication',
  unknown: 'authentication not known',
};

export function edgeProtection(e: Pick<Edge, 'tls' | 'auth' | 'protocol'>): EdgeProtection {
  if (e.protocol === 'unix') return 'local';
  if (e.tls === 'none' || e.auth === 'none' || e.auth === 'anonymous-allowed') return 'exposed';
  if (e.tls === 'verified' && (e.auth === 'client-cert' || e.auth === 'token')) return 'secure';
  return 'unverified';
}

/** `kubelet API: TLS without certificate verification, no authentication` */
export function edgeSentence(e: Pick<Edge, 'tls' | 'auth' | 'protocol' | 'label'>): string {
  if (e.protocol === 'unix') return `${e.label}: local unix socket on the node`;
  return `${e.label}: ${TLS_TEXT[e.tls]}, ${AUTH_TEXT[e.auth]}`;
}

/** SVG stroke classes and dash patterns per look. */
export const EDGE_STROKE: Record<EdgeProtection, { className: string; dash?: string; width: number }> = {
  secure: { className: 'stroke-zinc-500 dark:stroke-zinc-400', width: 1.6 },
  unverified: { className: 'stroke-amber-600 dark:stroke-amber-400', dash: '7 5', width: 1.6 },
  exposed: { className: 'stroke-red-600 dark:stroke-red-400', dash: '1.5 4', width: 2.4 },
  local: { className: 'stroke-zinc-400 dark:stroke-zinc-500', width: 1 },
};
