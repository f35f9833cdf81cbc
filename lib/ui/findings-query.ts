/**
 * The findings table as pure functions: filter, sort, group, and flatten into rows for a
 * virtualized list. Everything is linear or n·log n over plain arrays, so 100,000 findings filter
 * and sort in milliseconds and the table only ever renders the rows on screen.
 */
import type { Area, Finding, Severity, Status } from '../checks/types';
import { SEVERITY_ORDER, STATUS_ORDER } from './status';

/** `open` = fail + warn, the default view: what needs doing. */
export type StatusFilter = Status | 'open' | 'all';
export type SortKey = 'severity' | 'status' | 'check' | 'component' | 'object';
export type GroupBy = 'none' | 'check' | 'namespace';

export interface FindingsQuery {
  area?: Area;
  severity?: Severity;
  status: StatusFilter;
  /** Exact component id. */
  component?: string;
  /** Namespace name; CLUSTER_SCOPE for findings without one. */
  namespace?: string;
  check?: string;
  /** Free text over title, message, check id, component and object. */
  text?: string;
  sort: SortKey;
  descending: boolean;
  groupBy: GroupBy;
}

export const CLUSTER_SCOPE = '(cluster-scoped)';

export const DEFAULT_QUERY: FindingsQuery = { status: 'open', sort: 'severity', descending: false, groupBy: 'none' };

export function namespaceOf(f: Finding): string {
  return f.object?.namespace ?? CLUSTER_SCOPE;
}

export function objectText(f: Finding): string {
  if (!f.object) return '';
  return f.object.namespace ? `${f.object.kind} ${f.object.namespace}/${f.object.name}` : `${f.object.kind} ${f.object.name}`;
}

function statusMatches(s: Status, filter: StatusFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'open') return s === 'fail' || s === 'warn';
  return s === filter;
}

export function filterFindings(findings: readonly Finding[], q: FindingsQuery, labelOf: (componentId: string) => string = (id) => id): Finding[] {
  const text = q.text?.trim().toLowerCase();
  const out: Finding[] = [];
  for (const f of findings) {
    if (!statusMatches(f.status, q.status)) continue;
    if (q.status !== 'all' && f.waived) continue;
    if (q.area && f.area !== q.area) continue;
    if (q.severity && f.severity !== q.severity) continue;
    if (q.component && f.componentId !== q.component) continue;
    if (q.check && f.checkId !== q.check) continue;
    if (q.namespace && namespaceOf(f) !== q.namespace) continue;
    if (text && !`${f.title} ${f.message} ${f.checkId} ${labelOf(f.componentId)} ${objectText(f)}`.toLowerCase().includes(text)) continue;
    out.push(f);
  }
  return out;
}

const severityRank = new Map(SEVERITY_ORDER.map((s, i) => [s, i]));
const statusRank = new Map(STATUS_ORDER.map((s, i) => [s, i]));
const collator = new Intl.Collator('en', { numeric: true });

/** A stable sort with sensible tie-breakers, so equal keys never shuffle between renders. */
export function sortFindings(findings: readonly Finding[], key: SortKey, descending: boolean, labelOf: (componentId: string) => string = (id) => id): Finding[] {
  // Precompute keys once: comparing 100k strings through labelOf in every comparison is slow.
  const rows = findings.map((f, i) => ({
    f,
    i,
    sev: severityRank.get(f.severity) ?? 9,
    st: statusRank.get(f.status) ?? 9,
    primary: key === 'check' ? f.title : key === 'component' ? labelOf(f.componentId) : key === 'object' ? objectText(f) : '',
  }));
  const dir = descending ? -1 : 1;
  rows.sort((a, b) => {
    let c = 0;
    if (key === 'severity') c = a.sev - b.sev;
    else if (key === 'status') c = a.st - b.st;
    else c = collator.compare(a.primary, b.primary);
    if (c !== 0) return c * dir;
    return a.sev - b.sev || a.st - b.st || a.i - b.i;
  });
  return rows.map((r) => r.f);
}

export type Row =
  | { kind: 'group'; key: string; label: string; count: number; open: number; worst: Severity; collapsed: boolean }
  | { kind: 'finding'; finding: Finding };

/** Flattens (optionally grouped) findings into the rows the virtual list draws. */
export function buildRows(sorted: readonly Finding[], groupBy: GroupBy, collapsed: ReadonlySet<string>): Row[] {
  if (groupBy === 'none') return sorted.map((finding) => ({ kind: 'finding', finding }));
  const groups = new Map<string, { label: string; findings: Finding[] }>();
  for (const f of sorted) {
    const key = groupBy === 'check' ? f.checkId : namespaceOf(f);
    const label = groupBy === 'check' ? f.title : namespaceOf(f);
    const g = groups.get(key);
    if (g) g.findings.push(f);
    else groups.set(key, { label, findings: [f] });
  }
  const ordered = [...groups.entries()].map(([key, g]) => {
    let worst: Severity = 'info';
    let open = 0;
    for (const f of g.findings) {
      if ((severityRank.get(f.severity) ?? 9) < (severityRank.get(worst) ?? 9)) worst = f.severity;
      if (f.status === 'fail' || f.status === 'warn') open++;
    }
    return { key, label: g.label, findings: g.findings, worst, open };
  });
  // Groups follow their worst severity, then their name.
  ordered.sort((a, b) => (severityRank.get(a.worst) ?? 9) - (severityRank.get(b.worst) ?? 9) || collator.compare(a.label, b.label));
  const rows: Row[] = [];
  for (const g of ordered) {
    const isCollapsed = collapsed.has(g.key);
    rows.push({ kind: 'group', key: g.key, label: g.label, count: g.findings.length, open: g.open, worst: g.worst, collapsed: isCollapsed });
    if (!isCollapsed) for (const finding of g.findings) rows.push({ kind: 'finding', finding });
  }
  return rows;
}

/** The values each filter can take, from the findings themselves (never an empty option). */
export function filterOptions(findings: readonly Finding[]): { namespaces: string[]; components: string[]; checks: { id: string; title: string }[] } {
  const namespaces = new Set<string>();
  const components = new Set<string>();
  const checks = new Map<string, string>();
  for (const f of findings) {
    namespaces.add(namespaceOf(f));
    components.add(f.componentId);
    checks.set(f.checkId, f.title);
  }
  return {
    namespaces: [...namespaces].sort(collator.compare),
    components: [...components].sort(collator.compare),
    checks: [...checks.entries()].map(([id, title]) => ({ id, title })).sort((a, b) => collator.compare(a.title, b.title)),
  };
}

/** Query ↔ URL search params, so a filtered view can be shared and the overview can link into it. */
export function queryFromParams(p: URLSearchParams): FindingsQuery {
  const q: FindingsQuery = { ...DEFAULT_QUERY };
  const get = (k: string) => p.get(k) ?? undefined;
  const area = get('area');
  if (area) q.area = area as Area;
  const severity = get('severity');
  if (severity && (SEVERITY_ORDER as readonly string[]).includes(severity)) q.severity = severity as Severity;
  const status = get('status');
  if (status && ['open', 'all', ...STATUS_ORDER].includes(status)) q.status = status as StatusFilter;
  for (const k of ['component', 'namespace', 'check', 'text'] as const) {
    const v = get(k);
    if (v) q[k] = v;
  }
  const sort = get('sort');
  if (sort && ['severity', 'status', 'check', 'component', 'object'].includes(sort)) q.sort = sort as SortKey;
  if (get('desc') === '1') q.descending = true;
  const group = get('group');
  if (group === 'check' || group === 'namespace') q.groupBy = group;
  return q;
}

export function paramsFromQuery(q: FindingsQuery): Record<string, string | undefined> {
  return {
    area: q.area,
    severity: q.severity,
    status: q.status === DEFAULT_QUERY.status ? undefined : q.status,
    component: q.component,
    namespace: q.namespace,
    check: q.check,
    text: q.text || undefined,
    sort: q.sort === DEFAULT_QUERY.sort ? undefined : q.sort,
    desc: q.descending ? '1' : undefined,
    group: q.groupBy === 'none' ? undefined : q.groupBy,
  };
}
