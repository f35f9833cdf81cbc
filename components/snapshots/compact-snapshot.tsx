'use client';
/**
 * A snapshot page receives the snapshot in its compact form (lib/snapshots/compact: tens of kB
 * where the expanded posture of a 5,000-node cluster is ~100 MB) and expands it here, in the
 * browser, after the page has arrived: the server sends a small page, the browser does the
 * expansion once, and a skeleton shows meanwhile.
 */
import { type ReactNode, useEffect, useState } from 'react';
import { OverviewSkeleton } from '@/components/overview/overview-skeleton';
import { decodePosture } from '@/lib/snapshots/compact/decode';
import type { SnapshotFile, SnapshotPosture } from '@/lib/snapshots/types';
import { SnapshotFindings } from './snapshot-findings';
import { SnapshotView, type SnapshotViewProps } from './snapshot-view';

/** Expands `file`, then renders `children` with its posture (client components only: a function prop). */
export function CompactSnapshot({ file, children }: { file: SnapshotFile; children: (posture: SnapshotPosture) => ReactNode }) {
  const [posture, setPosture] = useState<SnapshotPosture | undefined>();
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    try {
      setPosture(decodePosture(file.posture));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [file]);
  if (error) {
    return (
      <main id="main" className="mx-auto grid max-w-xl gap-2 px-4 py-16">
        <h1 className="text-2xl font-bold">This snapshot cannot be shown</h1>
        <p className="text-zinc-600 dark:text-zinc-400">{error}</p>
      </main>
    );
  }
  if (!posture) {
    return (
      <main id="main" className="px-4 py-4 lg:px-6">
        <OverviewSkeleton />
      </main>
    );
  }
  return children(posture);
}

/** The share page /s/{id} and the sample, from the compact file. */
export function CompactSnapshotView({ file, sample = false, ...props }: { file: SnapshotFile; sample?: boolean } & Omit<SnapshotViewProps, 'meta' | 'posture'>) {
  const meta = { id: file.id, label: file.label, createdAt: file.createdAt, createdBy: file.createdBy, expiresAt: file.expiresAt, anonymized: file.anonymized, sample };
  return <CompactSnapshot file={file}>{(posture) => <SnapshotView meta={meta} posture={posture} {...props} />}</CompactSnapshot>;
}

/** The findings table of a snapshot, from the compact file. */
export function CompactSnapshotFindings({ file, base, sample = false }: { file: SnapshotFile; base: string; sample?: boolean }) {
  return <CompactSnapshot file={file}>{(posture) => <SnapshotFindings posture={posture} base={base} label={file.label ?? posture.cluster.context} sample={sample} />}</CompactSnapshot>;
}
