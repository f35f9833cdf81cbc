/**
 * Diagram filters: by security area, by minimum severity, and by name. Components that do not
 * match are dimmed, never hidden, so the picture keeps its shape. With an area or severity
 * filter, each component's status is recomputed from the findings that pass the filter, so
 * "TLS only" shows every component's TLS status. The diagram filters per-component tallies
 * (status.ts), not rows: a snapshot's picture and filters work before its rows are expanded.
 */
import type { Area, Finding, Severity } from '../checks/types';
import type { Component } from '../model/architecture';
import { componentLabel } from './component-names';
import { type ComponentStatus, SEVERITY_ORDER, type StatusTally, type TallyRow, tallyStatus } from './status';

export interface DiagramFilter {
  area?: Area;
  /** Show components with open findings of this severity or worse. */
  minSeverity?: Severity;
  query?: string;
}

export interface FilterResult {
  /** Status per component under the filter. */
  statuses: Map<string, ComponentStatus>;
  /** Component ids that match; undefined = no filter, everything is shown normally. */
  matches?: Set<string>;
}

export function isFiltering(f: DiagramFilter): boolean {
  return Boolean(f.area || f.minSeverity || f.query?.trim());
}

function atLeast(severity: Severity, min: Severity): boolean {
  return SEVERITY_ORDER.indexOf(severity) <= SEVERITY_ORDER.indexOf(min);
}

export function filterFindings(findings: readonly Finding[], f: DiagramFilter): Finding[] {
  if (!f.area && !f.minSeverity) return findings as Finding[];
  return findings.filter((x) => (!f.area || x.area === f.area) && (!f.minSeverity || atLeast(x.severity, f.minSeverity)));
}

export function applyDiagramFilter(components: readonly Component[], tallies: ReadonlyMap<string, StatusTally>, f: DiagramFilter): FilterResult {
  const byRows = Boolean(f.area || f.minSeverity);
  const keep = byRows ? (r: TallyRow) => (!f.area || r.area === f.area) && (!f.minSeverity || atLeast(r.severity, f.minSeverity)) : undefined;
  const statuses = new Map<string, ComponentStatus>();
  const relevant = new Set<string>();
  // Components alike share one tally (a snapshot's head interns them): work each out once.
  const seen = new Map<StatusTally, ComponentStatus | undefined>();
  for (const [id, tally] of tallies) {
    let s = seen.get(tally);
    if (!seen.has(tally)) seen.set(tally, (s = tallyStatus(tally, keep)));
    if (s) statuses.set(id, s);
    if (!keep) continue;
    for (const x of tally) {
      if (x.count <= 0 || !keep(x) || x.waived || x.status === 'not-applicable') continue;
      // With a severity filter only open problems count: a passing critical check is not one.
      if (f.minSeverity && x.status !== 'fail' && x.status !== 'warn') continue;
      relevant.add(id);
      break;
    }
  }
  if (!isFiltering(f)) return { statuses };

  const q = f.query?.trim().toLowerCase();
  const matches = new Set<string>();
  for (const c of components) {
    if (byRows && !relevant.has(c.id)) continue;
    if (q && !`${componentLabel(c)} ${c.id} ${c.nodeName ?? ''}`.toLowerCase().includes(q)) continue;
    matches.add(c.id);
  }
  return { statuses, matches };
}
