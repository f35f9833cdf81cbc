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

/** Push into a Map of arrays without a get-then-set dance at every call site. */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
