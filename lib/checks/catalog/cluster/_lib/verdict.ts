/**
 * Folding field-level observations into one verdict per workload. Checks list what they saw
 * (`field`, expected, actual); this turns it into a status, a message and evidence with full
 * field paths.
 */
import type { Verdict } from './workload-check';
import { preview, refLabel } from './format';
import { ev, worst } from './result';
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

export interface PassText {
  message: string;
  expected: string;
  actual: string;
  field: string;
}

export function verdictOf(t: WorkloadTarget, seen: Observation[], pass: PassText): Verdict {
  if (seen.length === 0) {
    return { status: 'pass', message: pass.message, evidence: [ev(pass.expected, pass.actual, fieldSource(t, pass.field))] };
  }
  const status = worst(seen.map((o) => o.status)) as 'fail' | 'warn';
  return {
    status,
    message: `${refLabel(t.ref)}: ${preview(seen.map((o) => o.note), 3)}.`,
    evidence: seen.map((o) => ev(o.expected, o.actual, o.source ?? fieldSource(t, o.field))),
  };
}
