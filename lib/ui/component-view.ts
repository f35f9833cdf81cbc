/**
 * What the drill-down shows about one component, derived from the Posture: its findings grouped by
 * status, its connections, the Pods findings mention (for nodes), the flags findings point at.
 */
import type { Finding, Status } from '../checks/types';
import type { Architecture, Component, Edge, ObjectRef } from '../model/architecture';
import { SEVERITY_ORDER, STATUS_ORDER, type ComponentStatus, statusOf } from './status';

export function findingsOf(findings: readonly Finding[], componentId: string): Finding[] {
  return findings.filter((f) => f.componentId === componentId);
}

/** Worst first inside each status: severity, then title, then object name. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) ||
    a.title.localeCompare(b.title, 'en') ||
    (a.object?.name ?? '').localeCompare(b.object?.name ?? '', 'en')
  );
}

/** Results rows stand for: a snapshot's summary row of counted passes counts as its objects. */
export function resultCount(findings: readonly Finding[]): number {
  let n = 0;
  for (const f of findings) n += f.represents ?? 1;
  return n;
}

export function groupByStatus(findings: readonly Finding[]): { status: Status; findings: Finding[] }[] {
  return STATUS_ORDER.map((status) => ({ status, findings: findings.filter((f) => f.status === status).sort(compareFindings) })).filter((g) => g.findings.length > 0);
}

export interface Connection {
  edge: Edge;
  direction: 'out' | 'in';
  other?: Component;
}

export function connectionsOf(arch: Architecture, id: string): Connection[] {
  const byId = new Map(arch.components.map((c) => [c.id, c]));
  const out: Connection[] = [];
  for (const e of arch.edges) {
    if (e.from === id) out.push({ edge: e, direction: 'out', other: byId.get(e.to) });
    else if (e.to === id) out.push({ edge: e, direction: 'in', other: byId.get(e.from) });
  }
  return out;
}

export interface ObjectRow {
  ref: ObjectRef;
  status: ComponentStatus;
  findings: number;
}

/**
 * Workloads and Pods that findings on a node name. Workload checks attach their findings to the
 * node the Pods run on and name the owning object (Deployment, DaemonSet, or a bare Pod).
 */
export function objectsOnNode(findings: readonly Finding[], nodeId: string): ObjectRow[] {
  const byPod = new Map<string, { ref: ObjectRef; list: Finding[] }>();
  for (const f of findings) {
    if (f.componentId !== nodeId || !f.object || f.object.kind === 'Node') continue;
    const key = `${f.object.kind}/${f.object.namespace ?? ''}/${f.object.name}`;
    const entry = byPod.get(key);
    if (entry) entry.list.push(f);
    else byPod.set(key, { ref: f.object, list: [f] });
  }
  return [...byPod.values()]
    .map(({ ref, list }) => ({ ref, status: statusOf(list), findings: list.length }))
    .sort((a, b) => b.status.fail - a.status.fail || `${a.ref.namespace}/${a.ref.name}`.localeCompare(`${b.ref.namespace}/${b.ref.name}`, 'en'));
}

/** Flags that open findings point at (`… · --anonymous-auth`), to mark them in the flags table. */
export function flagsInFindings(findings: readonly Finding[]): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.status !== 'fail' && f.status !== 'warn') continue;
    for (const e of f.evidence) {
      for (const m of e.source.matchAll(/--([a-z0-9-]+)/g)) {
        const name = m[1];
        if (!name) continue;
        const list = out.get(name) ?? [];
        if (!list.includes(f)) list.push(f);
        out.set(name, list);
      }
    }
  }
  return out;
}

export function objectLabel(ref: ObjectRef): string {
  return ref.namespace ? `${ref.kind} ${ref.namespace}/${ref.name}` : `${ref.kind} ${ref.name}`;
}

export interface CheckGroup {
  checkId: string;
  title: string;
  severity: Finding['severity'];
  findings: Finding[];
}

/** Findings of one status grouped per check, worst severity first: 40 RBAC bindings read as one check. */
export function groupByCheck(findings: readonly Finding[]): CheckGroup[] {
  const byId = new Map<string, CheckGroup>();
  for (const f of findings) {
    const g = byId.get(f.checkId);
    if (g) g.findings.push(f);
    else byId.set(f.checkId, { checkId: f.checkId, title: f.title, severity: f.severity, findings: [f] });
  }
  return [...byId.values()].sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) || a.title.localeCompare(b.title, 'en'));
}
