/**
 * In-memory token buckets per client address (sign-in attempts, snapshot creation). A bucket holds
 * `capacity` tokens and refills `perMinute` per minute; an empty bucket refuses with the seconds
 * until the next token. Process-local and bounded; kept on globalThis so proxy.ts and the route
 * bundles share it.
 */
export interface BucketSpec {
  capacity: number;
  perMinute: number;
}

interface Bucket {
  tokens: number;
  updated: number;
}

const KEY = Symbol.for('kube-posture.rate-limits');
const MAX_KEYS = 50_000;

function buckets(): Map<string, Bucket> {
  const g = globalThis as unknown as Record<symbol, Map<string, Bucket> | undefined>;
  g[KEY] ??= new Map();
  return g[KEY];
}

export function take(name: string, client: string, spec: BucketSpec, now = Date.now()): { ok: true } | { ok: false; retryAfterSeconds: number } {
  const all = buckets();
  const key = `${name}\u0000${client}`;
  const perMs = spec.perMinute / 60_000;
  let b = all.get(key);
  if (b) {
    b.tokens = Math.min(spec.capacity, b.tokens + (now - b.updated) * perMs);
    b.updated = now;
  } else {
    if (all.size >= MAX_KEYS) {
      // Drop buckets that have refilled completely: they carry no state worth keeping.
      for (const [k, v] of all) if (v.tokens + (now - v.updated) * perMs >= spec.capacity) all.delete(k);
      if (all.size >= MAX_KEYS) all.delete(all.keys().next().value as string);
    }
    b = { tokens: spec.capacity, updated: now };
    all.set(key, b);
  }
  if (b.tokens >= 1) {
    b.tokens -= 1;
    return { ok: true };
  }
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - b.tokens) / perMs / 1000)) };
}

export function resetRateLimits(): void {
  buckets().clear();
}
