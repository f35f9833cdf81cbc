/**
 * Who is on the other end of a request. The TCP peer comes from scripts/peer-address.mjs, which
 * overwrites the `x-kube-posture-peer` header on every request; when that preload has not run the
 * header could come from the client, so it is ignored and the peer is unknown.
 */
import { inAny, type Cidr } from './cidr';

export const PEER_HEADER = 'x-kube-posture-peer';
const MARK = Symbol.for('kube-posture.peer-address');

export function peerStampActive(): boolean {
  return (globalThis as unknown as Record<symbol, unknown>)[MARK] === true;
}

type HeaderSource = { get(name: string): string | null };

/** The TCP peer, or undefined when it cannot be known. */
export function peerAddress(headers: HeaderSource): string | undefined {
  if (!peerStampActive()) return undefined;
  return headers.get(PEER_HEADER)?.trim() || undefined;
}

/**
 * The client for rate limiting and the audit log: the peer, or, when the peer is a trusted proxy,
 * the nearest X-Forwarded-For entry that is not itself a trusted proxy. `unknown` without a peer.
 */
export function clientAddress(headers: HeaderSource, trusted: readonly Cidr[]): string {
  const peer = peerAddress(headers);
  if (!peer) return 'unknown';
  if (!inAny(trusted, peer)) return peer;
  const hops = (headers.get('x-forwarded-for') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) if (!inAny(trusted, hops[i])) return hops[i] as string;
  return peer;
}
