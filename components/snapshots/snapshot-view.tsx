'use client';
/**
 * A frozen posture, read-only and with no cluster behind it: the share page /s/{id} and the
 * bundled sample. Same score, areas, diagram and drill-down as a live cluster; links stay inside
 * the snapshot. Passes the snapshot counts instead of listing show as one row per check and
 * component ("1,204 Deployments passed — not listed in snapshots"), and their total in the header.
 *
 * The page arrives with a head (lib/snapshots/page-head.ts) that draws the score, areas and
 * diagram; the rows are fetched and expanded once the diagram's first frame is on screen and the
 * browser is idle, or at once when a component panel, a tooltip or the walkthrough asks for them.
 */
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { ArchitectureDiagram, type ArchitectureDiagramProps } from '@/components/architecture/architecture-diagram';
import { DiagramSkeleton } from '@/components/overview/overview-skeleton';
import { PartialDataBanner } from '@/components/overview/partial-data-banner';
import { PostureBody } from '@/components/overview/posture-body';
import { withCountedPassRows } from '@/lib/snapshots/compact/condense';
import { decodePosture } from '@/lib/snapshots/compact/decode';
import { headTallies } from '@/lib/snapshots/compact/head';
import type { PostureHead } from '@/lib/posture/types';
import type { SnapshotPageHead } from '@/lib/snapshots/page-head';
import { controlPlaneKind } from '@/lib/ui/control-plane-kind';
import { formatCount } from '@/lib/ui/format';
import { PathsContext, snapshotPaths } from '@/lib/ui/paths-context';
import type { StatusTally } from '@/lib/ui/status';
import { type RowsSource, SnapshotError, useSnapshotRows, whenIdle } from './compact-snapshot';

const noSubscription = () => () => {};

/**
 * The diagram, drawn in the browser only (as on the live overview), but with its code in the
 * page's own scripts: a snapshot page has its data from the start, and loading the diagram's
 * chunk after hydration (next/dynamic) was ~0.2–0.3 s of waiting before the first frame at
 * 5,000 nodes. The server and the hydrating render show the skeleton; the next render draws.
 */
function SnapshotDiagram(props: ArchitectureDiagramProps) {
  const inBrowser = useSyncExternalStore(noSubscription, () => true, () => false);
  return inBrowser ? <ArchitectureDiagram {...props} /> : <DiagramSkeleton />;
}

export interface SnapshotViewProps {
  /** What the first picture needs, worked out on the server: a SnapshotPageHead as JSON text (lib/snapshots/page-head.ts). */
  head: string;
  /** Where the rows come from, expanded after the first picture or when something needs them. */
  rows: RowsSource;
  sample?: boolean;
  /** The page's own path, for links that stay inside the snapshot. */
  base: string;
  /** Download links (JSON, offline HTML, CSV). */
  downloads: { label: string; href: string }[];
  /** Why this is shown (e.g. the sample opened because no kubeconfig exists). */
  notice?: string;
}

/** The head's posture (no rows) and tallies, or why it cannot be read. */
function readHead(text: string): { head: SnapshotPageHead; posture: PostureHead; tallies: Map<string, StatusTally> } | { error: string } {
  try {
    const head = JSON.parse(text) as SnapshotPageHead;
    const { findings: _f, passCounts: _p, ...posture } = decodePosture(head.head.posture);
    const ids = [...posture.architecture.components.map((c) => c.id), ...head.head.posture.componentIds];
    return { head, posture, tallies: headTallies(head.head, ids) };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

export function SnapshotView({ head, rows: source, sample = false, base, downloads, notice }: SnapshotViewProps) {
  const first = useMemo(() => readHead(head), [head]);
  const rows = useSnapshotRows(source);
  // Counted passes become one summary row per check and component, as the views expect rows.
  const findings = useMemo(() => (rows.posture ? withCountedPassRows(rows.posture).findings : undefined), [rows.posture]);
  const { load } = rows;
  const onPainted = useCallback(() => whenIdle(load), [load]);
  if ('error' in first) return <SnapshotError message={first.error} />;
  const { posture, head: pageHead } = first;
  const meta = { ...pageHead, sample };
  const counted = pageHead.head.counted;
  const context = posture.cluster.context;
  return (
    <PathsContext.Provider value={snapshotPaths(base)}>
      <main id="main" className="grid gap-4 px-4 py-4 lg:px-6">
        <section aria-label="Snapshot" className="flex flex-wrap items-start justify-between gap-3">
          <div className="grid gap-1">
            <p className="flex flex-wrap items-center gap-2 text-xs font-semibold tracking-wide uppercase">
              <span className={meta.sample ? 'rounded bg-amber-100 px-1.5 py-0.5 text-amber-900 dark:bg-amber-900/40 dark:text-amber-200' : 'rounded bg-sky-100 px-1.5 py-0.5 text-sky-900 dark:bg-sky-900/40 dark:text-sky-200'}>
                {meta.sample ? 'Sample' : 'Snapshot'}
              </span>
              <span className="text-zinc-600 dark:text-zinc-400">Read-only · no cluster connection{meta.anonymized ? ' · names anonymized' : ''}</span>
            </p>
            <h1 className="text-2xl font-bold">{meta.label ?? context}</h1>
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              {context} · {posture.cluster.version ?? 'version unknown'} · {controlPlaneKind(posture.cluster)} · frozen{' '}
              <time dateTime={meta.createdAt}>{new Date(meta.createdAt).toUTCString()}</time> by {meta.createdBy}
              {meta.expiresAt ? <> · link expires <time dateTime={meta.expiresAt}>{new Date(meta.expiresAt).toUTCString()}</time></> : null}
            </p>
            <p className="text-xs text-zinc-500 dark:text-zinc-400">
              Checks {posture.catalogVersion} · CVE feed of {posture.cveFeedDate}
              {counted > 0 ? <> · {formatCount(counted)} passing results about workloads, namespaces and other hosted objects are counted per check and component, not listed</> : null}
            </p>
          </div>
          <nav aria-label="Downloads" className="flex flex-wrap gap-2">
            {downloads.map((d) => (
              <a key={d.href} href={d.href} download className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800">
                {d.label}
              </a>
            ))}
          </nav>
        </section>
        {notice ? (
          <p role="status" className="rounded-xl border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-950 dark:border-amber-900 dark:bg-amber-950/40 dark:text-amber-100">
            {notice}
          </p>
        ) : null}
        <PartialDataBanner data={pageHead.partial} />
        <PostureBody posture={posture} context={context} tallies={first.tallies} findings={findings} findingsError={rows.error} onNeedFindings={load} onPainted={onPainted} Diagram={SnapshotDiagram} />
      </main>
    </PathsContext.Provider>
  );
}
