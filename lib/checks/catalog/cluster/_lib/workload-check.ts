/**
 * The shared loop of every per-workload check: targets → verdict → CheckResult, with the default
 * system-namespace exemption applied visibly (status `not-applicable`, the verdict's evidence
 * kept so a reader still sees what the exempt workload does).
 */
import type { Architecture } from '../../../../model/architecture';
import type { Inventory } from '../../../../model/inventory';
import type { CheckContext, CheckResult, Evidence } from '../../../types';
import { CLUSTER_ID } from '../../../../model/ids';
import { missingInput } from './inputs';
import { EXEMPT_SYSTEM_NAMESPACE, ev, result } from './result';
import { type WorkloadTarget, SYSTEM_NAMESPACES, targetComponentId, workloadIndex } from './workloads';

export interface Verdict {
  status: 'pass' | 'warn' | 'fail' | 'unknown' | 'not-applicable';
  message: string;
  evidence: Evidence[];
}

export interface WorkloadCheckOptions {
  /** Namespaces exempt by default; `SYSTEM_NAMESPACES` for workload-capability checks. */
  exempt?: readonly string[];
  judge(t: WorkloadTarget, inv: Inventory): Verdict;
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
  const { inv } = ctx;
  const out: CheckResult[] = [];
  const missing = missingSources(inv);
  if (missing.length > 0) {
    // Partial: we still judge what we can see, and say what we could not.
    out.push(
      result(CLUSTER_ID, 'unknown', `Some workloads could not be read: ${missing.join(' ')}`, [
        ev('pods and workload controllers readable', 'partly unreadable', missing.join(' ')),
      ]),
    );
  }
  const exempt = opts.exempt ?? [];
  for (const t of workloadIndex(inv).targets) {
    if (opts.applies && !opts.applies(t)) continue;
    const v = opts.judge(t, inv);
    const componentId = opts.componentId ? opts.componentId(t, ctx.arch) : targetComponentId(ctx.arch, t);
    if (exempt.includes(t.ref.namespace) && v.status !== 'not-applicable') {
      out.push(result(componentId, 'not-applicable', EXEMPT_SYSTEM_NAMESPACE, v.evidence, t.ref));
    } else {
      out.push(result(componentId, v.status, v.message, v.evidence, t.ref));
    }
  }
  if (out.length === 0) {
    out.push(
      result(CLUSTER_ID, 'not-applicable', 'No workloads to evaluate.', [
        ev('at least one workload', 'none found', 'pods and workload controllers'),
      ]),
    );
  }
  return out;
}

export { SYSTEM_NAMESPACES };
