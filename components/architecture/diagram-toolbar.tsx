'use client';
import { useId } from 'react';
import { Button } from '@/components/ui/button';
import { AREAS, AREA_TITLES, type Area, type Severity } from '@/lib/checks/types';
import type { DiagramFilter } from '@/lib/ui/diagram-filter';
import { type DiagramExportSource, DiagramExportMenu } from './diagram-export-menu';

const SEVERITY_OPTIONS: { value: Severity; label: string }[] = [
  { value: 'critical', label: 'Critical only' },
  { value: 'high', label: 'High and above' },
  { value: 'medium', label: 'Medium and above' },
  { value: 'low', label: 'Low and above' },
];

const FIELD = 'rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100';

export interface DiagramToolbarProps {
  filter: DiagramFilter;
  onFilter: (f: DiagramFilter) => void;
  onFit: () => void;
  onZoom: (factor: number) => void;
  onPlayFlow: () => void;
  flowActive: boolean;
  matchText?: string;
  /** The drawn diagram and what names it, for "Export" (SVG/PNG); without it there is no export. */
  exportSource?: DiagramExportSource;
}

/** Search, area and severity filters, zoom and fit, the pod-creation walkthrough, and export as a picture. */
export function DiagramToolbar({ filter, onFilter, onFit, onZoom, onPlayFlow, flowActive, matchText, exportSource }: DiagramToolbarProps) {
  const id = useId();
  return (
    // A size container, so "Export" can drop its word where the toolbar would otherwise wrap.
    <div className="@container flex flex-wrap items-center gap-2 border-b border-zinc-200 px-3 py-2 dark:border-zinc-800" role="toolbar" aria-label="Diagram tools">
      <label htmlFor={`${id}-q`} className="sr-only">
        Find a component or node
      </label>
      <input
        id={`${id}-q`}
        type="search"
        placeholder="Find component…"
        value={filter.query ?? ''}
        onChange={(e) => onFilter({ ...filter, query: e.target.value })}
        className={`${FIELD} w-36`}
      />
      <label htmlFor={`${id}-area`} className="sr-only">
        Security area
      </label>
      <select id={`${id}-area`} value={filter.area ?? ''} onChange={(e) => onFilter({ ...filter, area: (e.target.value || undefined) as Area | undefined })} className={`${FIELD} w-48`}>
        <option value="">All areas</option>
        {AREAS.map((a) => (
          <option key={a} value={a}>
            {AREA_TITLES[a]}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-sev`} className="sr-only">
        Severity
      </label>
      <select id={`${id}-sev`} value={filter.minSeverity ?? ''} onChange={(e) => onFilter({ ...filter, minSeverity: (e.target.value || undefined) as Severity | undefined })} className={FIELD}>
        <option value="">Any severity</option>
        {SEVERITY_OPTIONS.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {filter.area || filter.minSeverity || filter.query ? (
        <Button variant="ghost" onClick={() => onFilter({})}>
          Clear filters
        </Button>
      ) : null}
      <p className="text-xs text-zinc-600 dark:text-zinc-400" aria-live="polite">
        {matchText}
      </p>
      <div className="ml-auto flex items-center gap-1">
        <Button variant={flowActive ? 'primary' : 'secondary'} onClick={onPlayFlow} aria-pressed={flowActive}>
          <svg viewBox="0 0 16 16" className="size-3.5" aria-hidden="true">
            <path d="M4 2.5v11l9-5.5Z" fill="currentColor" />
          </svg>
          Play pod creation
        </Button>
        <Button variant="ghost" onClick={() => onZoom(1.25)} aria-label="Zoom in">
          +
        </Button>
        <Button variant="ghost" onClick={() => onZoom(0.8)} aria-label="Zoom out">
          −
        </Button>
        <Button variant="secondary" onClick={onFit} aria-label="Fit to screen" title="Fit the whole cluster in view">
          Fit
        </Button>
        {exportSource ? <DiagramExportMenu source={exportSource} filter={filter} /> : null}
      </div>
    </div>
  );
}
