/**
 * Shared vocabulary of the report formatters: which findings are "open", severity order and
 * thresholds, how an object is named. Pure; used by the CLI (exit codes) and every format.
 */
import { refText } from '../model/build/util';
import type { ObjectRef } from '../model/architecture';
import type { Area, Finding, Severity, Status } from '../checks/types';

/** Most severe first. */
export const SEVERITY_ORDER: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

/** Thresholds `--fail-on` accepts (info findings never fail a build). */
export const THRESHOLDS = ['critical', 'high', 'medium', 'low'] as const;
export type Threshold = (typeof THRESHOLDS)[number];

/** Statuses that are a finding to act on: a failure, or half of one (see scoring.ts). */
export const OPEN_STATUSES: readonly Status[] = ['fail', 'warn'];

export function severityRank(s: Severity): number {
  return SEVERITY_ORDER.indexOf(s);
}

/** Not waived, and failing or warning. */
export function isOpen(f: Finding): boolean {
  return !f.waived && OPEN_STATUSES.includes(f.status);
}

/** Open findings whose severity is `threshold` or worse. */
export function openAtOrAbove(findings: readonly Finding[], threshold: Threshold): Finding[] {
  const limit = severityRank(threshold);
  return findings.filter((f) => isOpen(f) && severityRank(f.severity) <= limit);
}

/** The target of a finding in words: its object when it has one, else its component id. */
export function targetText(f: Pick<Finding, 'object' | 'componentId'>): string {
  return f.object ? refText(f.object) : f.componentId;
}

/** `Pod/kube-system/kube-apiserver-cp-1` or `ClusterRoleBinding/admin-bot`: a path-like object key. */
export function objectKey(o: ObjectRef): string {
  return o.namespace ? `${o.kind}/${o.namespace}/${o.name}` : `${o.kind}/${o.name}`;
}

/** A stable key of one finding across scans: check, component and object. */
export function findingKey(f: Pick<Finding, 'checkId' | 'componentId' | 'object'>): string {
  return `${f.checkId}|${f.componentId}|${f.object ? objectKey(f.object) : ''}`;
}

/** Most severe first, then failures before warnings, then by check id and target. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    severityRank(a.severity) - severityRank(b.severity) ||
    statusRank(a.status) - statusRank(b.status) ||
    a.checkId.localeCompare(b.checkId) ||
    targetText(a).localeCompare(targetText(b))
  );
}

const STATUS_ORDER: readonly Status[] = ['fail', 'warn', 'unknown', 'pass', 'not-applicable'];
function statusRank(s: Status): number {
  return STATUS_ORDER.indexOf(s);
}

export function inAreas(areas: readonly Area[] | undefined): (x: { area: Area }) => boolean {
  if (!areas || areas.length === 0) return () => true;
  const set = new Set<Area>(areas);
  return (f) => set.has(f.area);
}
