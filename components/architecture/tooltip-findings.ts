/**
 * The worst open findings a tooltip lists, one line per check: a group of 556 nodes fails the
 * same check on hundreds of workloads, and three copies of one title say less than one with
 * its count.
 */
import type { Finding } from '@/lib/checks/types';

export interface TooltipFinding {
  finding: Finding;
  /** How many of the open findings are of this check. */
  count: number;
}

/** `sorted` worst first; the first finding of each check stands for it. */
export function worstDistinct(sorted: readonly Finding[], limit = 3): TooltipFinding[] {
  const byCheck = new Map<string, TooltipFinding>();
  for (const f of sorted) {
    const seen = byCheck.get(f.checkId);
    if (seen) seen.count++;
    else byCheck.set(f.checkId, { finding: f, count: 1 });
  }
  return [...byCheck.values()].slice(0, limit);
}
