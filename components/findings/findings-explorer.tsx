'use client';
/**
 * The findings table with its filters and the drawer of the selected finding, for one posture:
 * a live cluster's latest scan (FindingsView) or a frozen snapshot (read-only, no waiving).
 * Filters live in the URL, so a filtered view can be shared.
 */
import { type ReactNode, useDeferredValue, useEffect, useMemo, useState } from 'react';
import type { Finding } from '@/lib/checks/types';
import type { Posture } from '@/lib/posture/types';
import { componentLabel } from '@/lib/ui/component-names';
import { DEFAULT_QUERY, type FindingsQuery, type SortKey, buildRows, filterFindings, filterOptions, paramsFromQuery, queryFromParams, sortFindings } from '@/lib/ui/findings-query';
import { formatCount } from '@/lib/ui/format';
import { writeParams } from '@/lib/ui/use-url-param';
import { FindingDrawer } from './finding-drawer';
import { FindingsFilters } from './findings-filters';
import { FindingsTable } from './findings-table';

export interface FindingsExplorerProps {
  posture: Posture;
  context: string;
  /** A snapshot: nothing can be waived. */
  readOnly?: boolean;
  /** Under the title, e.g. what a snapshot counts instead of listing. */
  note?: ReactNode;
}

export function FindingsExplorer({ posture, context, readOnly = false, note }: FindingsExplorerProps) {
  const [query, setQuery] = useState<FindingsQuery>(DEFAULT_QUERY);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const [selected, setSelected] = useState<Finding | undefined>();

  useEffect(() => setQuery(queryFromParams(new URLSearchParams(window.location.search))), []);
  const change = (q: FindingsQuery) => {
    setQuery(q);
    writeParams(paramsFromQuery(q));
  };
  const deferred = useDeferredValue(query);

  const labels = useMemo(() => new Map(posture.architecture.components.map((c) => [c.id, componentLabel(c)])), [posture]);
  const labelOf = (id: string) => labels.get(id) ?? id;
  const options = useMemo(() => {
    const o = filterOptions(posture.findings);
    return { ...o, components: o.components.map((id) => ({ id, label: labels.get(id) ?? id })) };
  }, [posture, labels]);

  const filtered = useMemo(() => filterFindings(posture.findings, deferred, (id) => labels.get(id) ?? id), [posture, deferred, labels]);
  const sorted = useMemo(() => sortFindings(filtered, deferred.sort, deferred.descending, (id) => labels.get(id) ?? id), [filtered, deferred.sort, deferred.descending, labels]);
  const rows = useMemo(() => buildRows(sorted, deferred.groupBy, collapsed), [sorted, deferred.groupBy, collapsed]);

  const onSort = (key: SortKey) => change({ ...query, sort: key, descending: query.sort === key ? !query.descending : false });
  const onToggleGroup = (key: string) =>
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  return (
    <>
      <div className="flex flex-wrap items-baseline gap-x-4">
        <h1 className="text-2xl font-semibold tracking-tight">Findings</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400" aria-live="polite" data-testid="findings-count">
          {formatCount(filtered.length)} of {formatCount(posture.findings.length)} results · {context}
        </p>
        {note ? <p className="text-xs text-zinc-600 dark:text-zinc-400">{note}</p> : null}
      </div>
      <FindingsFilters query={query} onChange={change} options={options} />
      <div className="flex min-h-0 flex-1 overflow-hidden rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-950">
        {rows.length === 0 ? (
          <p className="m-auto p-8 text-sm text-zinc-600 dark:text-zinc-400">No finding matches these filters.</p>
        ) : (
          <FindingsTable rows={rows} sort={query.sort} descending={query.descending} onSort={onSort} onOpen={setSelected} onToggleGroup={onToggleGroup} labelOf={labelOf} selected={selected} readOnly={readOnly} />
        )}
        {selected ? <FindingDrawer finding={selected} context={context} componentLabel={labelOf(selected.componentId)} readOnly={readOnly} onClose={() => setSelected(undefined)} /> : null}
      </div>
    </>
  );
}
