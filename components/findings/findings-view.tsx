'use client';
/**
 * /clusters/{context}/findings: every finding of the latest scan in one virtualized table,
 * filterable, sortable and groupable, with the filters in the URL.
 */
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { ErrorState } from '@/components/cluster/error-state';
import { ScanProgressBar } from '@/components/overview/scan-progress';
import { Skeleton } from '@/components/ui/skeleton';
import type { Finding } from '@/lib/checks/types';
import { componentLabel } from '@/lib/ui/component-names';
import { DEFAULT_QUERY, type FindingsQuery, type SortKey, buildRows, filterFindings, filterOptions, paramsFromQuery, queryFromParams, sortFindings } from '@/lib/ui/findings-query';
import { formatCount } from '@/lib/ui/format';
import { useClusterScan } from '@/lib/ui/use-cluster-scan';
import { writeParams } from '@/lib/ui/use-url-param';
import { FindingDrawer } from './finding-drawer';
import { FindingsFilters } from './findings-filters';
import { FindingsTable } from './findings-table';

export function FindingsView({ context }: { context: string }) {
  const scan = useClusterScan(context);
  const [query, setQuery] = useState<FindingsQuery>(DEFAULT_QUERY);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const [selected, setSelected] = useState<Finding | undefined>();

  useEffect(() => setQuery(queryFromParams(new URLSearchParams(window.location.search))), []);
  const change = (q: FindingsQuery) => {
    setQuery(q);
    writeParams(paramsFromQuery(q));
  };
  const deferred = useDeferredValue(query);

  const posture = scan.posture;
  const labels = useMemo(() => new Map((posture?.architecture.components ?? []).map((c) => [c.id, componentLabel(c)])), [posture]);
  const labelOf = (id: string) => labels.get(id) ?? id;
  const options = useMemo(() => {
    const o = filterOptions(posture?.findings ?? []);
    return { ...o, components: o.components.map((id) => ({ id, label: labels.get(id) ?? id })) };
  }, [posture, labels]);

  const filtered = useMemo(() => filterFindings(posture?.findings ?? [], deferred, (id) => labels.get(id) ?? id), [posture, deferred, labels]);
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
    <main id="main" className="flex h-[calc(100dvh-3.5rem)] flex-col gap-3 px-4 py-4 lg:px-6">
      <div className="flex flex-wrap items-baseline gap-x-4">
        <h1 className="text-2xl font-semibold tracking-tight">Findings</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400" aria-live="polite">
          {posture ? `${formatCount(filtered.length)} of ${formatCount(posture.findings.length)} results · ${context}` : context}
        </p>
      </div>
      {scan.running && !posture ? <ScanProgressBar progress={scan.progress} /> : null}
      {scan.error ? <ErrorState error={scan.error} onRetry={scan.rescan} compact={Boolean(posture)} context={context} /> : null}
      {posture ? (
        <>
          <FindingsFilters query={query} onChange={change} options={options} />
          <div className="flex min-h-0 flex-1 overflow-hidden rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-950">
            {rows.length === 0 ? (
              <p className="m-auto p-8 text-sm text-zinc-600 dark:text-zinc-400">No finding matches these filters.</p>
            ) : (
              <FindingsTable rows={rows} sort={query.sort} descending={query.descending} onSort={onSort} onOpen={setSelected} onToggleGroup={onToggleGroup} labelOf={labelOf} selected={selected} />
            )}
            {selected ? <FindingDrawer finding={selected} context={context} componentLabel={labelOf(selected.componentId)} onClose={() => setSelected(undefined)} /> : null}
          </div>
        </>
      ) : scan.error ? null : (
        <div className="grid gap-2" role="status" aria-busy="true" aria-label="Loading findings">
          <Skeleton className="h-10" />
          {Array.from({ length: 10 }, (_, i) => (
            <Skeleton key={i} className="h-9" />
          ))}
        </div>
      )}
    </main>
  );
}
