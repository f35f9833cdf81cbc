/**
 * Posture scores. Users asked anchor tools to explain their numbers (kubescape #246/#3434, popeye
 * #203, kubesec #471), so the whole formula is here and on the checks page:
 *
 *   weight(severity): critical 10, high 6, medium 3, low 1, info 0
 *
 *   score = Σ weight(pass) / ( Σ weight(pass) + Σ weight(fail) + ½ · Σ weight(warn) ) × 100
 *
 * - A `warn` counts as half a failure: it lowers the score half as much as a `fail` would.
 * - Each check carries its weight ONCE per scope, split evenly over its results in that scope.
 *   A check with 1 pass and 3 fails on four nodes contributes ¼ of its weight to the numerator and
 *   its full weight to the denominator. Without this, a per-pod check on 10,000 pods would drown
 *   every control-plane check.
 * - `unknown` and `not-applicable` results are excluded from the score and reported as coverage:
 *   coverage = checks with a verdict / (checks with a verdict + checks that stayed unknown).
 *   A check that is only not-applicable does not count either way.
 * - Waived findings are excluded entirely (they are counted, so the UI can show them).
 * - Info checks weigh 0: they inform, they never move the score.
 *
 * Scopes: the whole cluster, each component, each area. All are pure functions over Findings.
 */
import { AREAS, type Area, type Finding, type Severity, type Status } from './types';

export const SEVERITY_WEIGHTS: Readonly<Record<Severity, number>> = {
  critical: 10,
  high: 6,
  medium: 3,
  low: 1,
  info: 0,
};

/** How much of a failure a `warn` is. */
export const WARN_FACTOR = 0.5;

export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

export type StatusCounts = Record<Status, number> & { waived: number };

export interface Score {
  /** 0–100 (rounded), or null when nothing weighted could be evaluated. */
  score: number | null;
  /** Findings per status (waived findings counted only under `waived`). */
  counts: StatusCounts;
  checks: {
    total: number;
    /** Checks with at least one pass/fail/warn. */
    evaluated: number;
    /** Checks whose results were all unknown (or unknown + not-applicable). */
    unknown: number;
    /** Checks whose results were all not-applicable or waived. */
    notApplicable: number;
  };
  /** evaluated / (evaluated + unknown), 0–1, or null when neither exists. */
  coverage: number | null;
  /** "score covers 87% of checks; 13% could not be evaluated" */
  coverageText: string;
}

function emptyCounts(): StatusCounts {
  return { pass: 0, fail: 0, warn: 0, unknown: 0, 'not-applicable': 0, waived: 0 };
}

interface CheckTally {
  severity: Severity;
  pass: number;
  fail: number;
  warn: number;
  unknown: number;
  na: number;
}

export function coverageSentence(evaluated: number, unknown: number): string {
  const total = evaluated + unknown;
  if (total === 0) return 'no checks could be evaluated';
  const covered = Math.round((evaluated / total) * 100);
  if (unknown === 0) return `score covers 100% of checks`;
  return `score covers ${covered}% of checks; ${100 - covered}% could not be evaluated`;
}

/**
 * The score of any set of findings (a cluster, a component, an area, a filtered view). One pass
 * (a posture scores its 100,000s of findings three times: cluster, areas, components); findings
 * of one check usually follow each other, so the check's tally is looked up only when it changes.
 */
export function scoreFindings(findings: readonly Finding[]): Score {
  const counts = emptyCounts();
  const tallies = new Map<string, CheckTally>();
  let waivedOnly: Set<string> | undefined;
  let lastCheck: string | undefined;
  let t: CheckTally | undefined;
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i] as Finding;
    if (f.waived) {
      counts.waived++;
      (waivedOnly ??= new Set()).add(f.checkId);
      continue;
    }
    if (t === undefined || f.checkId !== lastCheck) {
      lastCheck = f.checkId;
      t = tallies.get(f.checkId);
      if (!t) {
        t = { severity: f.severity, pass: 0, fail: 0, warn: 0, unknown: 0, na: 0 };
        tallies.set(f.checkId, t);
      }
    }
    switch (f.status) {
      case 'pass':
        counts.pass++;
        t.pass++;
        break;
      case 'fail':
        counts.fail++;
        t.fail++;
        break;
      case 'warn':
        counts.warn++;
        t.warn++;
        break;
      case 'unknown':
        counts.unknown++;
        t.unknown++;
        break;
      default:
        counts['not-applicable']++;
        t.na++;
    }
  }

  let earned = 0;
  let possible = 0;
  let evaluated = 0;
  let unknown = 0;
  let notApplicable = 0;
  for (const t of tallies.values()) {
    const scored = t.pass + t.fail + t.warn;
    if (scored === 0) {
      if (t.unknown > 0) unknown++;
      else notApplicable++;
      continue;
    }
    evaluated++;
    const w = SEVERITY_WEIGHTS[t.severity] / scored;
    earned += w * t.pass;
    possible += w * (t.pass + t.fail + WARN_FACTOR * t.warn);
  }
  // Checks with only waived findings never reach `tallies`; count them as not applicable.
  if (waivedOnly) for (const id of waivedOnly) if (!tallies.has(id)) notApplicable++;

  const total = evaluated + unknown + notApplicable;
  const coverageBase = evaluated + unknown;
  return {
    score: possible > 0 ? Math.round((earned / possible) * 100) : null,
    counts,
    checks: { total, evaluated, unknown, notApplicable },
    coverage: coverageBase > 0 ? evaluated / coverageBase : null,
    coverageText: coverageSentence(evaluated, unknown),
  };
}

function groupBy<K extends string>(findings: readonly Finding[], key: (f: Finding) => K): Map<K, Finding[]> {
  const out = new Map<K, Finding[]>();
  let lastKey: K | undefined;
  let list: Finding[] | undefined;
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i] as Finding;
    const k = key(f);
    // Runs of one key (a check's findings on one node, one area) skip the map.
    if (list === undefined || k !== lastKey) {
      lastKey = k;
      list = out.get(k);
      if (!list) out.set(k, (list = []));
    }
    list.push(f);
  }
  return out;
}

/** The whole cluster. */
export function scoreCluster(findings: readonly Finding[]): Score {
  return scoreFindings(findings);
}

/** One score per component id that has findings. */
export function scoreByComponent(findings: readonly Finding[]): Record<string, Score> {
  const out: Record<string, Score> = {};
  for (const [id, list] of groupBy(findings, (f) => f.componentId)) out[id] = scoreFindings(list);
  return out;
}

/** One score per area, for every area (areas without findings score null with no checks). */
export function scoreByArea(findings: readonly Finding[]): Record<Area, Score> {
  const groups = groupBy(findings, (f) => f.area);
  const out = {} as Record<Area, Score>;
  for (const area of AREAS) out[area] = scoreFindings(groups.get(area) ?? []);
  return out;
}

/**
 * Open findings per severity: by default `fail` and `warn`, never waived ones. This is the
 * "3 critical, 12 high" line next to a score.
 */
export function countsBySeverity(
  findings: readonly Finding[],
  statuses: readonly Status[] = ['fail', 'warn'],
): Record<Severity, number> {
  const out: Record<Severity, number> = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i] as Finding;
    if (!f.waived && statuses.includes(f.status)) out[f.severity]++;
  }
  return out;
}
