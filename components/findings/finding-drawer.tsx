'use client';
import Link from 'next/link';
import { WaiveForm } from './waive-form';
import { useEffect, useRef } from 'react';
import { FindingItem } from '@/components/component/finding-item';
import type { Finding } from '@/lib/checks/types';
import { usePaths } from '@/lib/ui/paths-context';
import { useChecks } from '@/lib/ui/use-checks';

/** One finding's evidence, remediation and references beside the table; a waive form unless read-only (snapshots). */
export function FindingDrawer({ finding, context, componentLabel, readOnly = false, onClose }: { finding: Finding; context: string; componentLabel: string; readOnly?: boolean; onClose: () => void }) {
  const { byId } = useChecks();
  const paths = usePaths();
  const meta = byId.get(finding.checkId);
  const ref = useRef<HTMLElement>(null);
  useEffect(() => ref.current?.focus(), [finding]);
  return (
    <aside
      ref={ref}
      tabIndex={-1}
      aria-label="Finding details"
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
      className="w-[28rem] shrink-0 overflow-y-auto border-l border-zinc-200 bg-white p-4 outline-none dark:border-zinc-800 dark:bg-zinc-950"
    >
      <button type="button" onClick={onClose} className="float-right rounded-md px-2 py-1 text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800">
        Close<span className="sr-only"> finding details</span>
      </button>
      <p className="text-xs font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400">{finding.checkId}</p>
      <ul className="mt-2">
        <FindingItem finding={finding} meta={meta} showStatus />
      </ul>
      {meta ? <p className="mt-3 text-sm text-zinc-700 dark:text-zinc-300">{meta.description}</p> : null}
      <p className="mt-3 text-sm">
        Component:{' '}
        <Link href={paths.component(context, finding.componentId)} className="text-sky-700 underline dark:text-sky-400">
          {componentLabel}
        </Link>
      </p>
      {readOnly ? null : (
        <div className="mt-4 border-t border-zinc-200 pt-3 dark:border-zinc-800">
          <WaiveForm key={`${finding.checkId} ${finding.componentId} ${finding.object?.name ?? ''}`} finding={finding} context={context} />
        </div>
      )}
    </aside>
  );
}
