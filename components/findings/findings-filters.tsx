'use client';
import { type ReactNode, useId } from 'react';
import { Button } from '@/components/ui/button';
import { AREAS, AREA_TITLES, type Area, type Severity } from '@/lib/checks/types';
import { type FindingsQuery, type GroupBy, DEFAULT_QUERY, type StatusFilter } from '@/lib/ui/findings-query';
import { SEVERITY_ORDER, STATUS_ORDER, STATUS_TEXT } from '@/lib/ui/status';

const FIELD = 'rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100';

export interface FilterOptions {
  namespaces: string[];
  components: { id: string; label: string }[];
  checks: { id: string; title: string }[];
}

function Select({ label, value, onChange, children, className }: { label: string; value: string; onChange: (v: string) => void; children: ReactNode; className?: string }) {
  const id = useId();
  return (
    <div className="grid gap-0.5">
      <label htmlFor={id} className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
        {label}
      </label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} className={`${FIELD} ${className ?? ''}`}>
        {children}
      </select>
    </div>
  );
}

/** Every filter of the findings table; each change updates the URL so the view can be shared. */
export function FindingsFilters({ query, onChange, options }: { query: FindingsQuery; onChange: (q: FindingsQuery) => void; options: FilterOptions }) {
  const textId = useId();
  const set = <K extends keyof FindingsQuery>(k: K, v: FindingsQuery[K] | undefined) => {
    const next = { ...query };
    if (v === undefined || v === '') delete next[k];
    else next[k] = v;
    onChange(next);
  };
  return (
    <div className="flex flex-wrap items-end gap-3" role="search" aria-label="Filter findings">
      <div className="grid gap-0.5">
        <label htmlFor={textId} className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
          Search
        </label>
        <input id={textId} type="search" value={query.text ?? ''} onChange={(e) => set('text', e.target.value)} placeholder="Title, object, component…" className={`${FIELD} w-56`} />
      </div>
      <Select label="Status" value={query.status} onChange={(v) => set('status', v as StatusFilter)}>
        <option value="open">Open (failing + warnings)</option>
        <option value="all">All statuses</option>
        {STATUS_ORDER.map((s) => (
          <option key={s} value={s}>
            {STATUS_TEXT[s]}
          </option>
        ))}
      </Select>
      <Select label="Severity" value={query.severity ?? ''} onChange={(v) => set('severity', (v || undefined) as Severity | undefined)}>
        <option value="">All severities</option>
        {SEVERITY_ORDER.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </Select>
      <Select label="Area" value={query.area ?? ''} onChange={(v) => set('area', (v || undefined) as Area | undefined)} className="w-48">
        <option value="">All areas</option>
        {AREAS.map((a) => (
          <option key={a} value={a}>
            {AREA_TITLES[a]}
          </option>
        ))}
      </Select>
      <Select label="Component" value={query.component ?? ''} onChange={(v) => set('component', v || undefined)} className="w-48">
        <option value="">All components</option>
        {options.components.map((c) => (
          <option key={c.id} value={c.id}>
            {c.label}
          </option>
        ))}
      </Select>
      <Select label="Namespace" value={query.namespace ?? ''} onChange={(v) => set('namespace', v || undefined)} className="w-40">
        <option value="">All namespaces</option>
        {options.namespaces.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </Select>
      <Select label="Check" value={query.check ?? ''} onChange={(v) => set('check', v || undefined)} className="w-56">
        <option value="">All checks</option>
        {options.checks.map((c) => (
          <option key={c.id} value={c.id}>
            {c.title}
          </option>
        ))}
      </Select>
      <Select label="Group by" value={query.groupBy} onChange={(v) => set('groupBy', v as GroupBy)}>
        <option value="none">No grouping</option>
        <option value="check">Check</option>
        <option value="namespace">Namespace</option>
      </Select>
      <Button variant="ghost" onClick={() => onChange({ ...DEFAULT_QUERY, sort: query.sort, descending: query.descending })}>
        Reset
      </Button>
    </div>
  );
}
