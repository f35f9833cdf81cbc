/**
 * The security status of a component (or of any group of components) as the diagram shows it:
 * one "health" level derived from its findings, plus the counts behind it. Pure, so the diagram,
 * the drill-down and the tests agree on what "worst" means.
 */
import type { Area, Finding, Severity, Status } from '../checks/types';

/**
 * Ordered worst → best. `critical` is a failing critical-severity finding: it gets its own level
 * because "something is failing" and "the cluster can be taken over" deserve different shapes.
 */
export const HEALTH_LEVELS = ['critical', 'failing', 'warning', 'unknown', 'passing', 'none'] as const;
export type Health = (typeof HEALTH_LEVELS)[number];

export const HEALTH_TEXT: Record<Health, string> = {
  critical: 'Critical failures',
  failing: 'Failing',
  warning: 'Warnings',
  unknown: 'Not fully evaluated',
  passing: 'Passing',
  none: 'No checks',
};

export const SEVERITY_ORDER: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];
export const STATUS_ORDER: readonly Status[] = ['fail', 'warn', 'unknown', 'pass', 'not-applicable'];

export const STATUS_TEXT: Record<Status, string> = {
  fail: 'Failing',
  warn: 'Warning',
  unknown: 'Unknown',
  pass: 'Passing',
  'not-applicable': 'Not applicable',
};

export interface ComponentStatus {
  health: Health;
  fail: number;
  warn: number;
  unknown: number;
  pass: number;
  /** Findings accepted by a waiver: shown, never counted as open. */
  waived: number;
  /** Worst severity among open (fail + warn) findings. */
  worstSeverity?: Severity;
}

export const EMPTY_STATUS: ComponentStatus = { health: 'none', fail: 0, warn: 0, unknown: 0, pass: 0, waived: 0 };

export function severityRank(s: Severity): number {
  return SEVERITY_ORDER.indexOf(s);
}

export function healthRank(h: Health): number {
  return HEALTH_LEVELS.indexOf(h);
}

function healthOf(s: Omit<ComponentStatus, 'health'>, hasCriticalFail: boolean): Health {
  if (hasCriticalFail) return 'critical';
  if (s.fail > 0) return 'failing';
  if (s.warn > 0) return 'warning';
  if (s.unknown > 0) return 'unknown';
  if (s.pass > 0) return 'passing';
  return 'none';
}

function worse(a: Severity | undefined, b: Severity | undefined): Severity | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return severityRank(a) <= severityRank(b) ? a : b;
}

/** The status of one set of findings. */
export function statusOf(findings: readonly Finding[]): ComponentStatus {
  const s = { fail: 0, warn: 0, unknown: 0, pass: 0, waived: 0, worstSeverity: undefined as Severity | undefined };
  let criticalFail = false;
  for (const f of findings) {
    if (f.waived) {
      s.waived++;
      continue;
    }
    if (f.status === 'not-applicable') continue;
    s[f.status]++;
    if (f.status === 'fail' || f.status === 'warn') s.worstSeverity = worse(s.worstSeverity, f.severity);
    if (f.status === 'fail' && f.severity === 'critical') criticalFail = true;
  }
  return finish(s, criticalFail);
}

function finish(s: Omit<ComponentStatus, 'health'>, criticalFail: boolean): ComponentStatus {
  const out: ComponentStatus = { health: healthOf(s, criticalFail), fail: s.fail, warn: s.warn, unknown: s.unknown, pass: s.pass, waived: s.waived };
  if (s.worstSeverity) out.worstSeverity = s.worstSeverity;
  return out;
}

/** One status per component id, in a single pass over the findings. */
export function statusByComponent(findings: readonly Finding[]): Map<string, ComponentStatus> {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = groups.get(f.componentId);
    if (list) list.push(f);
    else groups.set(f.componentId, [f]);
  }
  const out = new Map<string, ComponentStatus>();
  for (const [id, list] of groups) out.set(id, statusOf(list));
  return out;
}

/**
 * A component's rows counted by what its status and the diagram's filters read: area, severity,
 * status and waiver. The diagram works from these, so a snapshot can send one small tally per
 * component (lib/snapshots/compact/head.ts) instead of the rows, and a live posture makes them
 * in one pass over its findings; either way `tallyStatus` gives what `statusOf` gives the rows.
 */
export interface TallyRow {
  area: Area;
  severity: Severity;
  status: Status;
  waived: boolean;
  count: number;
}

export type StatusTally = readonly TallyRow[];

/** One tally per component id, in a single pass over the findings. */
export function tallyByComponent(findings: Iterable<Pick<Finding, 'componentId' | 'area' | 'severity' | 'status' | 'waived'>>): Map<string, TallyRow[]> {
  const rows = new Map<string, TallyRow>();
  const out = new Map<string, TallyRow[]>();
  for (const f of findings) {
    const waived = Boolean(f.waived);
    const k = `${f.componentId}\u0000${f.area}\u0000${f.severity}\u0000${f.status}\u0000${waived ? 1 : 0}`;
    const row = rows.get(k);
    if (row) {
      row.count++;
      continue;
    }
    const fresh: TallyRow = { area: f.area, severity: f.severity, status: f.status, waived, count: 1 };
    rows.set(k, fresh);
    const list = out.get(f.componentId);
    if (list) list.push(fresh);
    else out.set(f.componentId, [fresh]);
  }
  return out;
}

/**
 * The status of the rows a tally counts (those `keep` accepts): what statusOf gives for those
 * rows. Undefined when no row is kept, as statusByComponent has no entry for such a component.
 */
export function tallyStatus(tally: StatusTally, keep?: (row: TallyRow) => boolean): ComponentStatus | undefined {
  const s = { fail: 0, warn: 0, unknown: 0, pass: 0, waived: 0, worstSeverity: undefined as Severity | undefined };
  let criticalFail = false;
  let any = false;
  for (const r of tally) {
    if (r.count <= 0 || (keep && !keep(r))) continue;
    any = true;
    if (r.waived) {
      s.waived += r.count;
      continue;
    }
    if (r.status === 'not-applicable') continue;
    s[r.status] += r.count;
    if (r.status === 'fail' || r.status === 'warn') s.worstSeverity = worse(s.worstSeverity, r.severity);
    if (r.status === 'fail' && r.severity === 'critical') criticalFail = true;
  }
  return any ? finish(s, criticalFail) : undefined;
}

/** The worst of several statuses with their counts added: a node with its parts, a node group. */
export function rollUp(statuses: Iterable<ComponentStatus | undefined>): ComponentStatus {
  const s = { fail: 0, warn: 0, unknown: 0, pass: 0, waived: 0, worstSeverity: undefined as Severity | undefined };
  let criticalFail = false;
  for (const one of statuses) {
    if (!one) continue;
    s.fail += one.fail;
    s.warn += one.warn;
    s.unknown += one.unknown;
    s.pass += one.pass;
    s.waived += one.waived;
    s.worstSeverity = worse(s.worstSeverity, one.worstSeverity);
    if (one.health === 'critical') criticalFail = true;
  }
  return finish(s, criticalFail);
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/**
 * What a screen reader hears for a component, e.g.
 * `kube-apiserver cp-1: 12 failing findings, worst critical`. Status is never colour alone, so
 * this sentence carries everything the colour and the shape say.
 */
export function statusSentence(s: ComponentStatus): string {
  const parts: string[] = [];
  if (s.fail > 0) parts.push(plural(s.fail, 'failing finding'));
  if (s.warn > 0) parts.push(plural(s.warn, 'warning'));
  if (parts.length > 0 && s.worstSeverity) parts.push(`worst ${s.worstSeverity}`);
  if (parts.length === 0) {
    if (s.unknown > 0) parts.push(`no failures, ${plural(s.unknown, 'check')} unknown`);
    else if (s.pass > 0) parts.push(`all ${plural(s.pass, 'check')} passing`);
    else parts.push('no checks apply');
  } else if (s.unknown > 0) {
    parts.push(`${plural(s.unknown, 'check')} unknown`);
  }
  return parts.join(', ');
}

export function componentAriaLabel(label: string, s: ComponentStatus): string {
  return `${label}: ${statusSentence(s)}`;
}

/** Open findings = the number on a component's badge. */
export function openCount(s: ComponentStatus): number {
  return s.fail + s.warn;
}
