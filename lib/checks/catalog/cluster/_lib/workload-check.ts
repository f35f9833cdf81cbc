/**
 * The shared loop of every per-workload check: targets → verdict → CheckResult, with the default
 * system-namespace exemption applied visibly (status `not-applicable`, the verdict's evidence
 * kept so a reader still sees what the exempt workload does).
 *
 * It runs once per workload and check (100,000 times at 30,000 pods), so it allocates little: a
 * passing verdict about one spec field is a shared FieldPass whose evidence is made here, and
 * results are built as the runner's Findings directly when the runner says which check runs.
 */
import type { Architecture, ObjectRef } from '../../../../model/architecture';
import type { Inventory } from '../../../../model/inventory';
import type { CheckContext, CheckResult, Evidence, Finding, Status } from '../../../types';
import { CLUSTER_ID } from '../../../../model/ids';
import { missingInput } from './inputs';
import { EXEMPT_SYSTEM_NAMESPACE, ev, result } from './result';
import { type WorkloadTarget, SYSTEM_NAMESPACES, fieldSource, readsOwnObject, targetComponentIds, workloadIndex } from './workloads';

export interface Verdict {
  status: 'pass' | 'warn' | 'fail' | 'unknown' | 'not-applicable';
  message: string;
  evidence: Evidence[];
}

/**
 * A pass whose one piece of evidence is a field of the workload's pod spec: `{expected, actual,
 * source: <spec>.<field>}`. One object per check (see passing()), shared by every workload.
 */
export interface FieldPass {
  readonly status: 'pass';
  readonly message: string;
  readonly expected: string;
  readonly actual: string;
  readonly field: string;
  readonly evidence?: undefined;
}

export function passing(text: { message: string; expected: string; actual: string; field: string }): FieldPass {
  return Object.freeze({ status: 'pass', ...text });
}

/** Per FieldPass, its evidence per spec path: frozen arrays shared by every workload it passes. */
const sharedPassEvidence = new WeakMap<FieldPass, Map<string, Evidence[]>>();

/**
 * The evidence of a pass about one spec field. The finding names its object, so where a target's
 * spec is its own object's (a controller's template, a naked pod) the source is the field's path
 * in that object, `spec.template.spec.hostNetwork`, and one frozen array serves every workload:
 * passes are most findings (~90,000 at 30,000 pods), and three objects fewer each is a third less
 * for V8 to copy out of its young generation. A target read from one of its pods (its controller
 * is not in the inventory) names that pod, so it gets its own.
 */
function passEvidence(pass: FieldPass, t: WorkloadTarget): Evidence[] {
  if (!readsOwnObject(t)) return [ev(pass.expected, pass.actual, fieldSource(t, pass.field))];
  let bySpecPath = sharedPassEvidence.get(pass);
  if (bySpecPath === undefined) sharedPassEvidence.set(pass, (bySpecPath = new Map()));
  let evidence = bySpecPath.get(t.specPath);
  if (evidence === undefined) {
    const source = pass.field ? `${t.specPath}.${pass.field}` : t.specPath;
    evidence = Object.freeze([Object.freeze(ev(pass.expected, pass.actual, source))]) as Evidence[];
    bySpecPath.set(t.specPath, evidence);
  }
  return evidence;
}

export interface WorkloadCheckOptions {
  /** Namespaces exempt by default; `SYSTEM_NAMESPACES` for workload-capability checks. */
  exempt?: readonly string[];
  judge(t: WorkloadTarget, inv: Inventory): Verdict | FieldPass;
  /** Where the result attaches; the node the workload runs on by default. */
  componentId?(t: WorkloadTarget, arch: Architecture): string;
  /** Only evaluate some targets (e.g. naked pods); others produce no result. */
  applies?(t: WorkloadTarget): boolean;
}

const WORKLOAD_KINDS = ['Deployment', 'DaemonSet', 'StatefulSet', 'ReplicaSet', 'Job', 'CronJob'] as const;

/** Kinds that feed targets and could not be read, as sentences. */
function missingSources(inv: Inventory): string[] {
  const out: string[] = [];
  for (const k of ['Pod', ...WORKLOAD_KINDS]) {
    const reason = missingInput(inv, k);
    if (reason) out.push(reason);
  }
  return out;
}

export function evaluateWorkloads(ctx: CheckContext, opts: WorkloadCheckOptions): CheckResult[] {
  const { inv, check } = ctx;
  const finding = check !== undefined;
  const checkId = check?.id ?? '';
  const title = check?.title ?? '';
  const area = check?.area ?? 'workloads';
  const severity = check?.severity ?? 'info';
  // Field by field, in CheckResult's key order then the runner's (see toFinding in runner.ts).
  const emit = (componentId: string, status: Status, message: string, evidence: Evidence[], object?: ObjectRef): CheckResult | Finding =>
    !finding
      ? result(componentId, status, message, evidence, object)
      : object
        ? { componentId, object, status, message, evidence, checkId, title, area, severity }
        : { componentId, status, message, evidence, checkId, title, area, severity };
  const missing = missingSources(inv);
  const index = workloadIndex(inv);
  const { targets } = index;
  // Made at its largest size and trimmed at the end: growing it by push copies it several times.
  const out = new Array<CheckResult>(targets.length + (missing.length > 0 ? 1 : 0));
  let n = 0;
  if (missing.length > 0) {
    // Partial: we still judge what we can see, and say what we could not.
    out[n++] = emit(CLUSTER_ID, 'unknown', `Some workloads could not be read: ${missing.join(' ')}`, [
      ev('pods and workload controllers readable', 'partly unreadable', missing.join(' ')),
    ]);
  }
  const exempt = new Set(opts.exempt);
  const ids = opts.componentId ? undefined : targetComponentIds(ctx.arch, index);
  for (let i = 0; i < targets.length; i++) {
    const t = targets[i] as WorkloadTarget;
    if (opts.applies && !opts.applies(t)) continue;
    const v = opts.judge(t, inv);
    const evidence = v.evidence ?? passEvidence(v, t);
    const componentId = ids ? (ids[i] as string) : (opts.componentId as NonNullable<typeof opts.componentId>)(t, ctx.arch);
    if (v.status !== 'not-applicable' && exempt.has(t.ref.namespace)) out[n++] = emit(componentId, 'not-applicable', EXEMPT_SYSTEM_NAMESPACE, evidence, t.ref);
    else out[n++] = emit(componentId, v.status, v.message, evidence, t.ref);
  }
  out.length = n;
  if (n === 0) {
    out.push(
      emit(CLUSTER_ID, 'not-applicable', 'No workloads to evaluate.', [
        ev('at least one workload', 'none found', 'pods and workload controllers'),
      ]),
    );
  }
  return out;
}

export { SYSTEM_NAMESPACES };
