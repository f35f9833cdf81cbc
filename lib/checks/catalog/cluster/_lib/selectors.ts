/** Label selector evaluation, as the API server does it: matchLabels AND every matchExpression. */
import type { LabelSelector } from '../../../../model/inventory';

export function selectorMatches(sel: LabelSelector | undefined, labels: Record<string, string>): boolean {
  if (!sel) return true;
  // Plain loops: this runs per label set and policy, and entries()/`?? []` would allocate each time.
  const matchLabels = sel.matchLabels;
  if (matchLabels) for (const k in matchLabels) if (Object.prototype.hasOwnProperty.call(matchLabels, k) && labels[k] !== matchLabels[k]) return false;
  const expressions = sel.matchExpressions;
  if (!expressions) return true;
  for (let i = 0; i < expressions.length; i++) {
    const e = expressions[i] as NonNullable<LabelSelector['matchExpressions']>[number];
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
