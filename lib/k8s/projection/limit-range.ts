import type { V1LimitRange, V1LimitRangeItem } from '@kubernetes/client-node';
import type { LimitRangeInfo } from '../../model/inventory';
import { dropUndefined, list, projectMeta, stringMap } from './meta';

type Amounts = Record<string, string> | undefined;

function amounts(m: Record<string, unknown> | undefined): Amounts {
  return m ? stringMap(m) : undefined;
}

export function projectLimitRange(lr: V1LimitRange): LimitRangeInfo {
  return {
    meta: projectMeta(lr.metadata),
    limits: list(lr.spec?.limits).map((l: V1LimitRangeItem) =>
      dropUndefined({
        type: l.type ?? '',
        // client-node's TS model names the JSON field `default` as `_default`.
        default: amounts(l._default ?? (l as { default?: Record<string, string> }).default),
        defaultRequest: amounts(l.defaultRequest),
        max: amounts(l.max),
        min: amounts(l.min),
      }),
    ),
  };
}
