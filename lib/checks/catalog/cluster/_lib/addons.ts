/**
 * Finding add-ons among workloads by name and image. Searches the workload targets, so it works
 * whether the DaemonSet/Deployment could be listed or only its pods.
 */
import type { Inventory } from '../../../../model/inventory';
import { type WorkloadTarget, containersOf, workloadIndex } from './workloads';

const imageLists = new WeakMap<WorkloadTarget['spec'], readonly string[]>();

/** The images of a workload's containers (init and ephemeral included); built once per spec. */
export function images(t: WorkloadTarget): readonly string[] {
  let out = imageLists.get(t.spec);
  if (!out) {
    out = Object.freeze(containersOf(t.spec).map(({ c }) => c.image));
    imageLists.set(t.spec, out);
  }
  return out;
}

export function findAddons(inv: Inventory, match: (t: WorkloadTarget) => boolean): WorkloadTarget[] {
  return workloadIndex(inv).targets.filter(match);
}

/** True when the workload's name or any image matches. */
export function named(t: WorkloadTarget, pattern: RegExp): boolean {
  return pattern.test(t.ref.name) || images(t).some((i) => pattern.test(i));
}

/** All args of all containers as `--flag[=value]` strings, for add-on flags. */
export function allArgs(t: WorkloadTarget): { arg: string; container: string; path: string }[] {
  return containersOf(t.spec).flatMap(({ c, path }) =>
    [...(c.command ?? []).map((a, i) => ({ arg: a, container: c.name, path: `${path}.command[${i}]` })), ...(c.args ?? []).map((a, i) => ({ arg: a, container: c.name, path: `${path}.args[${i}]` }))],
  );
}
