/** Small text helpers so messages and evidence read the same across all checks. */
import type { ObjectRef } from '../../../../model/architecture';

/** `Deployment web/api`, or `ClusterRole admin` for cluster-scoped objects. */
export function refLabel(ref: ObjectRef): string {
  return ref.namespace ? `${ref.kind} ${ref.namespace}/${ref.name}` : `${ref.kind} ${ref.name}`;
}

/** `a, b, c and 4 more`: keeps messages short on clusters with thousands of objects. */
export function preview(items: readonly string[], max = 5): string {
  if (items.length === 0) return 'none';
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
