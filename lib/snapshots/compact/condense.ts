/**
 * Posture → SnapshotPosture: passing results about the objects a component hosts (the workloads
 * on a node, the namespaces and RBAC objects of the cluster) are counted per check, component and
 * object kind instead of kept row by row. At 1,000 nodes they are 110,000 of 136,000 rows (80% of
 * the bytes) and tell a reader only "these passed". Kept one by one: every fail, warn, unknown
 * and not-applicable row, every waived row, and every pass about the component itself (no
 * object, or one of the objects it was read from: the API server's Pod for `--anonymous-auth`,
 * the Node for a kubelet), with its evidence. Scores, summary and counts are untouched: they were
 * computed over every row. Pure and idempotent.
 */
import type { Finding } from '../../checks/types';
import type { ObjectRef } from '../../model/architecture';
import type { Posture } from '../../posture/types';
import type { PassCount, SnapshotPosture } from '../types';

const ownKey = (componentId: string, o: ObjectRef) => JSON.stringify([componentId, o.kind, o.namespace ?? null, o.name]);

/** Which rows a snapshot counts instead of keeping, for one posture. */
export function countedRows(posture: Pick<Posture, 'architecture'>): (f: Finding) => f is Finding & { object: ObjectRef } {
  const own = new Set(posture.architecture.components.flatMap((c) => c.objects.map((o) => ownKey(c.id, o))));
  return (f): f is Finding & { object: ObjectRef } => f.status === 'pass' && f.object !== undefined && !f.waived && !own.has(ownKey(f.componentId, f.object));
}

const keyOf = (p: Omit<PassCount, 'count'>) => JSON.stringify([p.checkId, p.title, p.area, p.severity, p.componentId, p.kind]);

/** The one order of passCounts (condense and decode both sort by it): check, then component, then kind. */
export function comparePassCounts(a: PassCount, b: PassCount): number {
  for (const k of ['checkId', 'componentId', 'kind', 'title', 'area', 'severity'] as const) {
    if (a[k] !== b[k]) return a[k] < b[k] ? -1 : 1;
  }
  return 0;
}

export function condense(posture: Posture | SnapshotPosture): SnapshotPosture {
  const counts = new Map<string, PassCount>();
  const add = (p: PassCount) => {
    const k = keyOf(p);
    const old = counts.get(k);
    if (old) old.count += p.count;
    else counts.set(k, { ...p });
  };
  for (const p of 'passCounts' in posture ? posture.passCounts : []) add(p);
  const isCounted = countedRows(posture);
  const findings: Finding[] = [];
  for (const f of posture.findings) {
    if (isCounted(f)) add({ checkId: f.checkId, title: f.title, area: f.area, severity: f.severity, componentId: f.componentId, kind: f.object.kind, count: 1 });
    else findings.push(f);
  }
  return { ...posture, findings, passCounts: [...counts.values()].sort(comparePassCounts) };
}

/** `Deployment` → `Deployments`, `NetworkPolicy` → `NetworkPolicies`, `Ingress` → `Ingresses`. */
export function pluralKind(kind: string, n: number): string {
  if (n === 1) return kind;
  if (/[^aeiou]y$/i.test(kind)) return `${kind.slice(0, -1)}ies`;
  if (/(s|x|ch|sh)$/i.test(kind)) return `${kind}es`;
  return `${kind}s`;
}

export const NOT_LISTED = 'not listed in snapshots';

/**
 * One pass row per check and component standing for the counted ones, e.g. "1,204 Deployments
 * passed — not listed in snapshots", so views built for rows (the diagram's health, a component's
 * findings) show them. For display only: scores must come from `posture.scores`, never from these.
 */
// One formatter for every row: Number#toLocaleString builds a new one per call, which made this
// the slowest step of opening a 5,000-node snapshot in the browser (~0.75 s for 60,000 rows).
const COUNT = new Intl.NumberFormat('en-US');

export function countedPassRows(passCounts: readonly PassCount[]): Finding[] {
  const groups = new Map<string, { first: PassCount; kinds: Map<string, number> }>();
  for (const p of passCounts) {
    const k = JSON.stringify([p.checkId, p.title, p.area, p.severity, p.componentId]);
    const g = groups.get(k) ?? { first: p, kinds: new Map<string, number>() };
    g.kinds.set(p.kind, (g.kinds.get(p.kind) ?? 0) + p.count);
    groups.set(k, g);
  }
  return [...groups.values()].map(({ first, kinds }) => {
    const parts = [...kinds].map(([kind, n]) => `${COUNT.format(n)} ${pluralKind(kind, n)}`);
    return {
      checkId: first.checkId,
      title: first.title,
      area: first.area,
      severity: first.severity,
      componentId: first.componentId,
      status: 'pass',
      message: `${parts.join(', ')} passed — ${NOT_LISTED}.`,
      evidence: [],
      represents: [...kinds.values()].reduce((a, b) => a + b, 0),
    };
  });
}

/**
 * The posture with the counted passes as summary rows, for views that read rows (see
 * countedPassRows). A plain Posture, so it cannot be frozen again by mistake.
 */
export function withCountedPassRows(posture: SnapshotPosture): Posture {
  const { passCounts, ...rest } = posture;
  return { ...rest, findings: [...posture.findings, ...countedPassRows(passCounts)] };
}
