/** Label selector evaluation, as the API server does it: matchLabels AND every matchExpression. */
import type { LabelSelector } from '../../../../model/inventory';

export function selectorMatches(sel: LabelSelector | undefined, labels: Record<string, string>): boolean {
  if (!sel) return true;
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) if (labels[k] !== v) return false;
  for (const e of sel.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(labels, e.key);
    const value = labels[e.key];
    switch (e.operator) {
      case 'In':
        if (!has || value === undefined || !(e.values ?? []).includes(value)) return false;
        break;
      case 'NotIn':
        if (has && value !== undefined && (e.values ?? []).includes(value)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        // An operator we do not know selects nothing, as an invalid selector would.
        return false;
    }
  }
  return true;
}

export function isEmptySelector(sel: LabelSelector | undefined): boolean {
  return !sel || (Object.keys(sel.matchLabels ?? {}).length === 0 && (sel.matchExpressions ?? []).length === 0);
}

const descriptions = new WeakMap<LabelSelector, string>();

/** `app=api, tier In (web, db)`; computed once per selector object (it is quoted per workload). */
export function describeSelector(sel: LabelSelector | undefined): string {
  if (!sel) return '{} (all pods)';
  let text = descriptions.get(sel);
  if (text === undefined) {
    text = describe(sel);
    descriptions.set(sel, text);
  }
  return text;
}

function describe(sel: LabelSelector | undefined): string {
  if (isEmptySelector(sel)) return '{} (all pods)';
  const parts = Object.entries(sel?.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  for (const e of sel?.matchExpressions ?? []) parts.push(`${e.key} ${e.operator}${e.values?.length ? ` (${e.values.join(', ')})` : ''}`);
  return parts.join(', ');
}

/** A stable key for a label set, to evaluate identical label sets once. */
export function labelKey(labels: Record<string, string>): string {
  const keys = Object.keys(labels);
  // Label keys usually arrive sorted; sort (which copies) only when they are not.
  for (let i = 1; i < keys.length; i++)
    if ((keys[i - 1] as string) > (keys[i] as string)) {
      keys.sort();
      break;
    }
  let out = '';
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    out += i === 0 ? `${k}=${labels[k] ?? ''}` : `\u0000${k}=${labels[k] ?? ''}`;
  }
  return out;
}
