/**
 * Runs checks over one Inventory + Architecture and turns their results into Findings.
 *
 * A scan must never crash because one check has a bug or meets data it did not expect: a check
 * that throws yields a single `unknown` finding carrying the error message, and every other check
 * still runs. Checks whose inputs are missing report `unknown` themselves (see missingInput).
 */
import type { Architecture } from '../model/architecture';
import { CLUSTER_ID } from '../model/ids';
import type { Inventory } from '../model/inventory';
import { ALL_CHECKS } from './catalog/index';
import type { CheckDefinition, CheckResult, Finding } from './types';

export { missingInput, firstMissing, describeIssue } from './inputs';

/**
 * Field by field rather than `{ ...r, … }`: one object of a fixed shape per finding (there are one
 * per workload and check). Key order is CheckResult's, as every result builder writes it. Results
 * a check already built as this check's Findings (see CheckContext.check) are kept as they are.
 */
function toFinding(check: CheckDefinition, r: CheckResult): Finding {
  if ((r as Partial<Finding>).checkId === check.id) return r as Finding;
  return r.object === undefined
    ? { componentId: r.componentId, status: r.status, message: r.message, evidence: r.evidence, checkId: check.id, title: check.title, area: check.area, severity: check.severity }
    : { componentId: r.componentId, object: r.object, status: r.status, message: r.message, evidence: r.evidence, checkId: check.id, title: check.title, area: check.area, severity: check.severity };
}

/** Where a crashed check's `unknown` goes: the first component of its type, else the cluster. */
function crashTarget(check: CheckDefinition, arch: Architecture): string {
  return arch.components.find((c) => c.type === check.component)?.id ?? CLUSTER_ID;
}

function errorText(err: unknown): string {
  if (err instanceof Error) return err.message;
  return typeof err === 'string' ? err : JSON.stringify(err);
}

/** Evaluate one check; never throws. */
export function evaluateCheck(check: CheckDefinition, inv: Inventory, arch: Architecture): Finding[] {
  try {
    const results = check.evaluate({ inv, arch, check });
    // Per-workload checks return their Findings already, in a fresh array: keep it.
    if (results.every((r) => (r as Partial<Finding>).checkId === check.id)) return results as Finding[];
    return results.map((r) => toFinding(check, r));
  } catch (err) {
    return [
      toFinding(check, {
        componentId: crashTarget(check, arch),
        status: 'unknown',
        message: `The check could not run: ${errorText(err)}`,
        evidence: [{ expected: 'the check to complete', actual: `error: ${errorText(err)}`, source: `check ${check.id}` }],
      }),
    ];
  }
}

/** Evaluate every check (by default the whole catalogue) in catalogue order. */
export function evaluateAll(
  inv: Inventory,
  arch: Architecture,
  checks: readonly CheckDefinition[] = ALL_CHECKS,
): Finding[] {
  // One concat at the final size (flatMap grows its result step by step: 100,000s of findings;
  // `new Array(n)` past 100,000 elements would start out as a dictionary).
  const lists = checks.map((check) => evaluateCheck(check, inv, arch));
  return ([] as Finding[]).concat(...lists);
}
