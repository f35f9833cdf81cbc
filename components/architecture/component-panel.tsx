'use client';
import { useEffect, useRef } from 'react';
import { ComponentDetails } from '@/components/component/component-details';
import type { Posture } from '@/lib/posture/types';

/**
 * The drill-down beside the diagram. Focus moves into it when it opens (so a keyboard user lands
 * on what they asked for) and Escape or the close button returns them to the diagram.
 */
export function ComponentPanel({ posture, componentId, context, onClose }: { posture: Posture; componentId: string; context: string; onClose: () => void }) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [componentId]);

  return (
    <aside
      ref={ref}
      tabIndex={-1}
      aria-label="Component details"
      data-testid="component-panel"
      className="absolute inset-y-0 right-0 z-10 w-[30rem] max-w-full overflow-y-auto border-l border-zinc-200 bg-white p-5 shadow-xl outline-none dark:border-zinc-800 dark:bg-zinc-950"
    >
      <div className="float-right -mt-1 -mr-1 flex items-center gap-1">
        <kbd className="text-xs text-zinc-500 dark:text-zinc-400">Esc</kbd>
        <button type="button" onClick={onClose} className="rounded-md px-2 py-1 text-sm text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800">
          Close<span className="sr-only"> details</span>
        </button>
      </div>
      <ComponentDetails posture={posture} componentId={componentId} context={context} variant="panel" />
    </aside>
  );
}
