import type { V1LabelSelector } from '@kubernetes/client-node';
import type { LabelSelector } from '../../model/inventory';
import { list, stringMap } from './meta';

/** `{}` (select everything) stays `{}`; an absent selector also becomes `{}`, as the API treats it. */
export function projectSelector(sel: V1LabelSelector | undefined | null): LabelSelector {
  const out: LabelSelector = {};
  if (sel?.matchLabels) out.matchLabels = stringMap(sel.matchLabels);
  if (sel?.matchExpressions) {
    out.matchExpressions = list(sel.matchExpressions).map((e) => {
      const expr: { key: string; operator: string; values?: string[] } = { key: e.key ?? '', operator: e.operator ?? '' };
      if (e.values) expr.values = [...e.values];
      return expr;
    });
  }
  return out;
}
