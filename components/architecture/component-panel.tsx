'use client';
import { useEffect, useRef } from 'react';
import { ComponentDetails } from '@/components/component/component-details';
import { Skeleton } from '@/components/ui/skeleton';
import type { Finding } from '@/lib/checks/types';
import type { Architecture } from '@/lib/model/architecture';
import { TYPE_TITLES, componentLabel } from '@/lib/ui/component-names';

export interface ComponentPanelProps {
  architecture: Architecture;
  /** Every row; undefined while a snapshot is still expanding them (a skeleton shows meanwhile). */
  findings?: readonly Finding[];
  /** Why the rows could not be had, if so. */
  findingsError?: string;
  /** Asks for the rows now. */
  onNeedFindings?: () => void;
  componentId: string;
  context: string;
  onClose: () => void;
}

/**
 * The drill-down beside the diagram. Focus moves into it when it opens (so a keyboard user lands
 * on what they asked for) and Escape or the close button returns them to the diagram.
 */
export function ComponentPanel({ architecture, findings, findingsError, onNeedFindings, componentId, context, onClose }: ComponentPanelProps) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [componentId]);
  const loading = findings === undefined;
  useEffect(() => {
    if (loading) onNeedFindings?.();
  }, [loading, onNeedFindings]);

  return (
    <aside
      ref={ref}
      tabIndex={-1}
      aria-label="Component details"
      aria-busy={loading && !findingsError ? 'true' : undefined}
      data-testid="component-panel"
      className="absolute inset-y-0 right-0 z-10 w-[30rem] max-w-full overflow-y-auto border-l border-zinc-200 bg-white p-5 shadow-xl outline-none dark:border-zinc-800 dark:bg-zinc-950"
    >
      <div className="float-right -mt-1 -mr-1 flex items-center gap-1">
        <kbd className="text-xs text-zinc-500 dark:text-zinc-400">Esc</kbd>
        <button type="button" onClick={onClose} className="rounded-md px-2 py-1 text-sm text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800">
          Close<span className="sr-only"> details</span>
        </button>
      </div>
      {findings ? (
        <ComponentDetails posture={{ architecture, findings: findings as Finding[] }} componentId={componentId} context={context} variant="panel" />
      ) : (
        <PanelLoading architecture={architecture} componentId={componentId} error={findingsError} />
      )}
    </aside>
  );
}

/** What the panel shows while a snapshot's rows are being expanded: the component's name, then placeholders. */
function PanelLoading({ architecture, componentId, error }: { architecture: Architecture; componentId: string; error?: string }) {
  const component = architecture.components.find((c) => c.id === componentId);
  return (
    <div className="grid gap-5" data-testid="component-panel-loading">
      <header className="grid gap-1">
        {component ? <p className="text-xs font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400">{TYPE_TITLES[component.type]}</p> : null}
        <h2 className="text-lg font-semibold">{component ? componentLabel(component) : componentId}</h2>
        {error ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            The findings of this snapshot could not be loaded: {error}
          </p>
        ) : (
          <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
            Loading findings…
          </p>
        )}
      </header>
      {error ? null : (
        <div className="grid gap-3" aria-hidden="true">
          <Skeleton className="h-16" />
          <Skeleton className="h-4 w-40" />
          <Skeleton className="h-24" />
          <Skeleton className="h-24" />
          <Skeleton className="h-4 w-32" />
          <Skeleton className="h-20" />
        </div>
      )}
    </div>
  );
}
