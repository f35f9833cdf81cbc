/**
 * Per-inventory memoisation. Indexes over 150,000 pods must be built once per scan, not once per
 * check; a WeakMap keyed by the Inventory object lets every check share them and lets the garbage
 * collector drop them with the inventory (no global cache to invalidate).
 */
import type { Inventory } from '../../../../model/inventory';

export function memoByInventory<T>(build: (inv: Inventory) => T): (inv: Inventory) => T {
  const cache = new WeakMap<Inventory, T>();
  return (inv) => {
    const hit = cache.get(inv);
    if (hit !== undefined) return hit;
    const value = build(inv);
    cache.set(inv, value);
    return value;
  };
}

/**
 * memoByInventory for a function of two strings, typically a namespace and a name: nested maps
 * keyed by the caller's own strings, so a hit builds no key string (these run once per workload).
 * Callers must treat the value as read-only: every caller with the same arguments shares it.
 */
export function memoByInventoryAnd2<T>(build: (inv: Inventory, a: string, b: string) => T): (inv: Inventory, a: string, b: string) => T {
  const cache = new WeakMap<Inventory, Map<string, Map<string, T>>>();
  return (inv, a, b) => {
    let byA = cache.get(inv);
    if (!byA) cache.set(inv, (byA = new Map()));
    let byB = byA.get(a);
    if (!byB) byA.set(a, (byB = new Map()));
    let value = byB.get(b);
    if (value === undefined) {
      value = build(inv, a, b);
      byB.set(b, value);
    }
    return value;
  };
}

/** Push into a Map of arrays without a get-then-set dance at every call site. */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
