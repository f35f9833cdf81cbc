'use client';
/**
 * The findings table, virtualized: fixed 44 px rows, only the visible ones in the DOM, ARIA table
 * semantics with row indexes so screen readers know where they are in 100,000 rows.
 */
import { useRef } from 'react';
import { SeverityBadge } from '@/components/ui/severity-badge';
import { StatusBadge } from '@/components/ui/status-badge';
import type { Finding } from '@/lib/checks/types';
import { type Row, type SortKey, objectText } from '@/lib/ui/findings-query';
import { formatCount } from '@/lib/ui/format';
import { cn } from '@/lib/utils/cn';
import { useVirtualRows } from './use-virtual-rows';

const ROW_HEIGHT = 44;
const COLUMNS = 'grid grid-cols-[6.5rem_7.5rem_minmax(0,2.2fr)_minmax(0,1fr)_minmax(0,1.4fr)_5rem] items-center gap-3 px-3';
/** Read-only (a snapshot): no action column. */
const COLUMNS_READ_ONLY = 'grid grid-cols-[6.5rem_7.5rem_minmax(0,2.2fr)_minmax(0,1fr)_minmax(0,1.4fr)] items-center gap-3 px-3';

const HEADERS: { key: SortKey | null; label: string }[] = [
  { key: 'severity', label: 'Severity' },
  { key: 'status', label: 'Status' },
  { key: 'check', label: 'Check' },
  { key: 'component', label: 'Component' },
  { key: 'object', label: 'Object' },
  { key: null, label: 'Action' },
];

export interface FindingsTableProps {
  rows: readonly Row[];
  sort: SortKey;
  descending: boolean;
  onSort: (key: SortKey) => void;
  onOpen: (f: Finding) => void;
  onToggleGroup: (key: string) => void;
  labelOf: (componentId: string) => string;
  selected?: Finding;
  /** A snapshot: nothing can be waived, so no action column. */
  readOnly?: boolean;
}

export function FindingsTable({ rows, sort, descending, onSort, onOpen, onToggleGroup, labelOf, selected, readOnly = false }: FindingsTableProps) {
  const columns = readOnly ? COLUMNS_READ_ONLY : COLUMNS;
  const headers = readOnly ? HEADERS.filter((h) => h.label !== 'Action') : HEADERS;
  const scrollRef = useRef<HTMLDivElement>(null);
  const { start, end, totalHeight, onScroll } = useVirtualRows(scrollRef, rows.length, ROW_HEIGHT);

  return (
    <div role="table" aria-label="Findings" aria-rowcount={rows.length + 1} className="flex min-h-0 flex-1 flex-col text-sm" data-testid="findings-table">
      <div role="rowgroup" className="border-b border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900">
        <div role="row" aria-rowindex={1} className={cn(columns, 'h-10 text-xs font-semibold text-zinc-600 dark:text-zinc-400')}>
          {headers.map((h) => (
            <div key={h.label} role="columnheader" aria-sort={h.key === sort ? (descending ? 'descending' : 'ascending') : undefined}>
              {h.key ? (
                <button type="button" onClick={() => onSort(h.key as SortKey)} className="inline-flex items-center gap-1 hover:text-zinc-900 dark:hover:text-white">
                  {h.label}
                  <span aria-hidden="true">{h.key === sort ? (descending ? '▼' : '▲') : '↕'}</span>
                </button>
              ) : (
                h.label
              )}
            </div>
          ))}
        </div>
      </div>
      <div ref={scrollRef} onScroll={onScroll} className="min-h-0 flex-1 overflow-y-auto">
        <div role="rowgroup" style={{ height: totalHeight, position: 'relative' }}>
          {rows.slice(start, end).map((row, k) => {
            const i = start + k;
            const style = { position: 'absolute' as const, top: i * ROW_HEIGHT, left: 0, right: 0, height: ROW_HEIGHT };
            if (row.kind === 'group') {
              return (
                <div key={`g-${row.key}`} role="row" aria-rowindex={i + 2} style={style} className="flex items-center border-b border-zinc-200 bg-zinc-100 px-3 dark:border-zinc-800 dark:bg-zinc-800/60">
                  <div role="cell" className="flex items-center gap-2">
                    <button type="button" aria-expanded={!row.collapsed} onClick={() => onToggleGroup(row.key)} className="inline-flex items-center gap-2 font-semibold">
                      <span aria-hidden="true">{row.collapsed ? '▸' : '▾'}</span>
                      {row.label}
                    </button>
                    <SeverityBadge severity={row.worst} />
                    <span className="text-xs text-zinc-600 dark:text-zinc-400">
                      {formatCount(row.count)} findings · {formatCount(row.open)} open
                    </span>
                  </div>
                </div>
              );
            }
            const f = row.finding;
            return (
              <div
                key={`f-${i}-${f.checkId}-${f.object?.name ?? ''}`}
                role="row"
                aria-rowindex={i + 2}
                aria-selected={f === selected}
                style={style}
                className={cn(columns, 'border-b border-zinc-100 hover:bg-zinc-50 dark:border-zinc-800/70 dark:hover:bg-zinc-900', f === selected && 'bg-sky-50 dark:bg-sky-950/40')}
                data-check-id={f.checkId}
              >
                <div role="cell">
                  <SeverityBadge severity={f.severity} />
                </div>
                <div role="cell">
                  <StatusBadge status={f.status} severity={f.severity} />
                </div>
                <div role="cell" className="min-w-0">
                  <button type="button" onClick={() => onOpen(f)} className="block w-full truncate text-left font-medium hover:underline" title={f.message}>
                    {f.title}
                  </button>
                </div>
                <div role="cell" className="truncate text-zinc-700 dark:text-zinc-300" title={f.componentId}>
                  {labelOf(f.componentId)}
                </div>
                <div role="cell" className="truncate font-mono text-xs text-zinc-600 dark:text-zinc-400" title={objectText(f)}>
                  {objectText(f) || '—'}
                </div>
                {readOnly ? null : (
                  <div role="cell">
                    {f.status === 'fail' || f.status === 'warn' ? (
                      <button type="button" onClick={() => onOpen(f)} aria-label={`Waive: ${f.title}`} className="rounded border border-zinc-300 px-2 py-0.5 text-xs hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800">
                        {f.waived ? 'Waived' : 'Waive'}
                      </button>
                    ) : null}
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
