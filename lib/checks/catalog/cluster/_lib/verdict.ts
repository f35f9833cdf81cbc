/**
 * Folding field-level observations into one verdict per workload. Checks list what they saw
 * (`field`, expected, actual); this turns it into a status, a message and evidence with full
 * field paths.
 */
import type { Evidence } from '../../../types';
import type { FieldPass, Verdict } from './workload-check';
import { preview, refLabel } from './format';
import { ev } from './result';
import { type WorkloadTarget, fieldSource } from './workloads';

export interface Observation {
  status: 'fail' | 'warn';
  /** Field path relative to the pod spec, e.g. `containers[0].securityContext.privileged`. */
  field: string;
  expected: string;
  actual: string;
  /** Short phrase for the message, e.g. `container "app" is privileged`. */
  note: string;
  /** A full source when the field is outside the pod spec (template annotations). */
  source?: string;
}

export type { FieldPass };
export { passing } from './workload-check';

/**
 * `pass` when nothing was seen (its evidence names `pass.field` of the spec); otherwise `fail` if
 * any observation fails, else `warn`, with one piece of evidence per observation. This runs once
 * per workload and check: one pass over the list, arrays made at their final size.
 */
export function verdictOf(t: WorkloadTarget, seen: readonly Observation[] | undefined, pass: FieldPass): Verdict | FieldPass {
  // Checks leave `seen` undefined until they observe something: a pass allocates nothing.
  if (seen === undefined || seen.length === 0) return pass;
  const n = seen.length;
  let status: 'fail' | 'warn' = 'warn';
  const notes = new Array<string>(n);
  const evidence = new Array<Evidence>(n);
  for (let i = 0; i < n; i++) {
    const o = seen[i] as Observation;
    if (o.status === 'fail') status = 'fail';
    notes[i] = o.note;
    evidence[i] = ev(o.expected, o.actual, o.source ?? fieldSource(t, o.field));
  }
  return { status, message: `${refLabel(t.ref)}: ${preview(notes, 3)}.`, evidence };
}
