'use client';
/**
 * Snapshots arrive in their compact form (lib/snapshots/compact: tens of kB where the expanded
 * posture of a 5,000-node cluster is ~100 MB) and are expanded here, in the browser.
 *
 * The overview of a snapshot (SnapshotView) draws its first picture from a head the server works
 * out without the rows (lib/snapshots/page-head.ts: architecture, scores, a status tally per
 * component), and expands the rows afterwards — when a component panel, a tooltip or the
 * walkthrough needs them, or once the browser is idle after the first frame (useSnapshotRows).
 * The findings table needs every row at once and loads them as soon as it mounts.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { OverviewSkeleton } from '@/components/overview/overview-skeleton';
import { decodePosture } from '@/lib/snapshots/compact/decode';
import type { SnapshotFile, SnapshotPosture } from '@/lib/snapshots/types';
import { SnapshotFindings } from './snapshot-findings';

/**
 * Where a snapshot's rows come from: its file route (`/api/snapshots/{id}/file`), or the file
 * itself as JSON text (the sample, small; text so the page's payload carries it as one value).
 */
export type RowsSource = { url: string } | { json: string };

export interface SnapshotRows {
  /** The expanded posture, once loaded. */
  posture?: SnapshotPosture;
  /** The snapshot's label, once loaded. */
  label?: string;
  error?: string;
  /** Fetches and expands the rows now (once; later calls do nothing). */
  load: () => void;
}

async function fetchFile(url: string): Promise<SnapshotFile> {
  const res = await fetch(url, { credentials: 'same-origin', cache: 'no-store' });
  if (!res.ok) {
    const body = (await res.json().catch(() => undefined)) as { error?: { message?: string } } | undefined;
    throw new Error(body?.error?.message ?? `the server answered ${res.status}`);
  }
  return (await res.json()) as SnapshotFile;
}

/** A snapshot's rows, fetched and expanded on the first `load()`. */
export function useSnapshotRows(source: RowsSource): SnapshotRows {
  const [state, setState] = useState<{ posture?: SnapshotPosture; label?: string; error?: string }>({});
  const started = useRef(false);
  const load = useCallback(() => {
    if (started.current) return;
    started.current = true;
    ('json' in source ? Promise.resolve().then(() => JSON.parse(source.json) as SnapshotFile) : fetchFile(source.url))
      .then((file) => setState({ posture: decodePosture(file.posture), ...(file.label !== undefined ? { label: file.label } : {}) }))
      .catch((e: unknown) => setState({ error: e instanceof Error ? e.message : String(e) }));
  }, [source]);
  return { ...state, load };
}

/** Runs `fn` when the browser is idle (at the latest after `timeout` ms). */
export function whenIdle(fn: () => void, timeout = 1000): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => fn(), { timeout });
  else setTimeout(fn, 50);
}

export function SnapshotError({ message }: { message: string }) {
  return (
    <main id="main" className="mx-auto grid max-w-xl gap-2 px-4 py-16">
      <h1 className="text-2xl font-bold">This snapshot cannot be shown</h1>
      <p className="text-zinc-600 dark:text-zinc-400">{message}</p>
    </main>
  );
}

/**
 * The findings table of a snapshot. It needs every row, so it loads them at once: a share link's
 * from its file route (the page itself stays small and is sent after a status check only), the
 * sample's from its page.
 */
export function CompactSnapshotFindings({ source, base, sample = false }: { source: RowsSource; base: string; sample?: boolean }) {
  const rows = useSnapshotRows(source);
  const { load } = rows;
  useEffect(() => load(), [load]);
  if (rows.error) return <SnapshotError message={rows.error} />;
  if (!rows.posture) {
    return (
      <main id="main" aria-busy="true" className="px-4 py-4 lg:px-6">
        <p role="status" className="sr-only">
          Loading findings…
        </p>
        <OverviewSkeleton />
      </main>
    );
  }
  return <SnapshotFindings posture={rows.posture} base={base} label={rows.label ?? rows.posture.cluster.context} sample={sample} />;
}
