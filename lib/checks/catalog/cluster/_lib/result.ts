/** Builders for CheckResults; every result carries evidence {expected, actual, source}. */
import type { ObjectRef } from '../../../../model/architecture';
import type { CheckResult, Evidence, Status } from '../../../types';

export function ev(expected: string, actual: string, source: string): Evidence {
  return { expected, actual, source };
}

export function result(
  componentId: string,
  status: Status,
  message: string,
  evidence: Evidence[],
  object?: ObjectRef,
): CheckResult {
  return object ? { componentId, object, status, message, evidence } : { componentId, status, message, evidence };
}

/** Order used to fold several per-container verdicts into one per-workload status. */
const RANK: Record<Status, number> = { 'not-applicable': 0, pass: 1, unknown: 2, warn: 3, fail: 4 };

export function worst(statuses: Iterable<Status>, fallback: Status = 'pass'): Status {
  let out: Status | undefined;
  for (const s of statuses) if (out === undefined || RANK[s] > RANK[out]) out = s;
  return out ?? fallback;
}

/** The message every default exemption uses, so the UI can group them. */
export const EXEMPT_SYSTEM_NAMESPACE = 'exempt by default: system namespace';
