'use client';
/**
 * The findings table of a frozen posture (/s/{id}/findings, /sample/findings): the same filters,
 * sorting, grouping and evidence drawer as a live cluster's, read-only. Passes counted rather
 * than listed in the snapshot appear as one summary row per check and component.
 */
import Link from 'next/link';
import { useMemo } from 'react';
import { FindingsExplorer } from '@/components/findings/findings-explorer';
import { withCountedPassRows } from '@/lib/snapshots/compact/condense';
import type { SnapshotPosture } from '@/lib/snapshots/types';
import { formatCount } from '@/lib/ui/format';
import { PathsContext, snapshotPaths } from '@/lib/ui/paths-context';

export function SnapshotFindings({ posture: snapshotPosture, base, label, sample = false }: { posture: SnapshotPosture; base: string; label: string; sample?: boolean }) {
  const posture = useMemo(() => withCountedPassRows(snapshotPosture), [snapshotPosture]);
  const counted = snapshotPosture.passCounts.reduce((n, p) => n + p.count, 0);
  return (
    <PathsContext.Provider value={snapshotPaths(base)}>
      <main id="main" className="flex h-[calc(100dvh-3.5rem)] flex-col gap-3 px-4 py-4 lg:px-6">
        <nav aria-label="Snapshot" className="flex flex-wrap items-center gap-2 text-sm">
          <span className="rounded bg-sky-100 px-1.5 py-0.5 text-xs font-semibold tracking-wide text-sky-900 uppercase dark:bg-sky-900/40 dark:text-sky-200">{sample ? 'Sample' : 'Snapshot'}</span>
          <Link href={base} className="text-sky-700 underline dark:text-sky-400">
            ← {label}
          </Link>
          <span className="text-zinc-600 dark:text-zinc-400">Read-only · no cluster connection</span>
        </nav>
        <FindingsExplorer
          posture={posture}
          context={posture.cluster.context}
          readOnly
          note={counted > 0 ? `${formatCount(counted)} passing results about hosted objects are counted per check and component, one summary row each.` : undefined}
        />
      </main>
    </PathsContext.Provider>
  );
}
