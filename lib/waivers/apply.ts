/**
 * applyWaivers(): pure. Marks `fail` and `warn` findings matched by an unexpired waiver as
 * waived; scoring then leaves them out (lib/checks/scoring.ts). Passing, unknown and
 * not-applicable findings are never waived: there is no risk to accept, and waiving a pass would
 * lower the score.
 */
import type { Finding } from '../checks/types';
import { refString } from './ref';
import type { Waiver, WaiverRule } from './types';

const WAIVABLE = new Set<Finding['status']>(['fail', 'warn']);

export function ruleOf(w: Waiver | WaiverRule): WaiverRule {
  if (!('target' in w)) return w;
  return {
    checkId: w.checkId,
    componentId: w.target.componentId,
    ...(w.target.object ? { object: w.target.object } : {}),
    reason: w.reason,
    author: w.author,
    expiresAt: w.expiresAt,
    source: 'store',
  };
}

function active(rule: WaiverRule, now: Date): boolean {
  if (!rule.expiresAt) return true;
  const t = Date.parse(rule.expiresAt);
  return Number.isFinite(t) && t > now.getTime();
}

function matches(rule: WaiverRule, f: Finding): boolean {
  if (rule.checkId !== f.checkId) return false;
  if (rule.componentId !== undefined && rule.componentId !== f.componentId) return false;
  if (rule.object !== undefined && (!f.object || refString(f.object) !== rule.object)) return false;
  return true;
}

/**
 * Returns the findings (inputs are not mutated) with `waived` set from the first matching active
 * waiver; any `waived` the inputs carried is recomputed. Store waivers win over annotations when
 * both match (they carry an expiry and an author). A finding that carries no `waived` and gets
 * none is returned as it is (not copied: there are 100,000s, few of them waived).
 */
export function applyWaivers(findings: readonly Finding[], waivers: readonly (Waiver | WaiverRule)[], now: Date): Finding[] {
  const rules = waivers
    .map(ruleOf)
    .filter((r) => active(r, now))
    .sort((a, b) => (a.source === b.source ? 0 : a.source === 'store' ? -1 : 1));
  const byCheck = new Map<string, WaiverRule[]>();
  for (const r of rules) byCheck.set(r.checkId, [...(byCheck.get(r.checkId) ?? []), r]);

  return findings.map((f) => {
    const candidates = WAIVABLE.has(f.status) ? byCheck.get(f.checkId) : undefined;
    const rule = candidates?.find((r) => matches(r, f));
    if (!rule && f.waived === undefined) return f;
    const { waived: _previous, ...rest } = f;
    if (!rule) return rest;
    return {
      ...rest,
      waived: { reason: rule.reason, author: rule.author, ...(rule.expiresAt ? { expiresAt: rule.expiresAt } : {}), source: rule.source },
    };
  });
}
