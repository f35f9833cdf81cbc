'use client';
/**
 * A cluster's snapshots over time: the score trend, each snapshot with its open findings, two
 * picked for comparison, and import of a snapshot file (drag and drop or file picker).
 */
import Link from 'next/link';
import { useState } from 'react';
import useSWR from 'swr';
import { ErrorState } from '@/components/cluster/error-state';
import type { SnapshotSummary } from '@/lib/snapshots/types';
import { requestJson, type ApiRequestError } from '@/lib/ui/api';
import { ScoreTrend } from './score-trend';

type History = { context: string; snapshots: SnapshotSummary[] };

export function HistoryView({ context }: { context: string }) {
  const key = `/api/snapshots?context=${encodeURIComponent(context)}`;
  const { data, error, mutate } = useSWR<History, ApiRequestError>(key, (url: string) => requestJson<History>(url));
  const [picked, setPicked] = useState<string[]>([]);
  const toggle = (id: string) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p.slice(-1), id]));
  const [a, b] = [...(data?.snapshots ?? [])].filter((s) => picked.includes(s.id)).reverse();

  return (
    <main id="main" className="mx-auto grid max-w-5xl gap-4 px-4 py-6">
      <h1 className="text-2xl font-bold">Snapshots of {context}</h1>
      {error ? <ErrorState error={error} /> : null}
      {data ? (
        <>
          <section aria-label="Score over time" className="rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
            <h2 className="mb-2 text-sm font-semibold text-zinc-600 dark:text-zinc-400">Score over time</h2>
            <ScoreTrend snapshots={data.snapshots} />
          </section>
          <section aria-label="Snapshots" className="rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
            <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
              <h2 className="text-sm font-semibold text-zinc-600 dark:text-zinc-400">{data.snapshots.length} snapshots (newest first) · pick two to compare</h2>
              {a && b ? (
                <Link href={`/snapshots/diff?a=${a.id}&b=${b.id}`} className="rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-800" data-testid="compare-link">
                  Compare the two
                </Link>
              ) : null}
            </div>
            {data.snapshots.length === 0 ? <p className="text-sm text-zinc-600 dark:text-zinc-400">No snapshots yet: share one from the overview, or import a file below.</p> : null}
            <table className="w-full text-sm">
              <thead className="text-left text-zinc-500">
                <tr>
                  <th className="w-8 py-1"><span className="sr-only">Compare</span></th>
                  <th>Taken</th>
                  <th>Score</th>
                  <th>Open critical / high</th>
                  <th>By</th>
                  <th>Link</th>
                </tr>
              </thead>
              <tbody>
                {data.snapshots.map((s) => (
                  <tr key={s.id} className="border-t border-zinc-100 dark:border-zinc-800">
                    <td className="py-1">
                      <input type="checkbox" aria-label={`Compare the snapshot of ${new Date(s.createdAt).toUTCString()}`} checked={picked.includes(s.id)} onChange={() => toggle(s.id)} />
                    </td>
                    <td><time dateTime={s.createdAt}>{new Date(s.createdAt).toUTCString()}</time>{s.label ? <span className="text-zinc-500"> · {s.label}</span> : null}</td>
                    <td className="font-semibold tabular-nums">{s.score ?? '–'}</td>
                    <td className="tabular-nums">{s.bySeverity.critical} / {s.bySeverity.high}</td>
                    <td>{s.createdBy}{s.anonymized ? ' (anonymized)' : ''}</td>
                    <td><Link href={`/s/${s.id}`} className="text-sky-700 underline dark:text-sky-400">open</Link></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <ImportSnapshot onImported={() => void mutate()} />
        </>
      ) : null}
    </main>
  );
}

function ImportSnapshot({ onImported }: { onImported: () => void }) {
  const [state, setState] = useState<{ kind: 'idle' | 'busy' } | { kind: 'done'; url: string } | { kind: 'error'; message: string }>({ kind: 'idle' });
  const [over, setOver] = useState(false);
  async function upload(file: File) {
    setState({ kind: 'busy' });
    try {
      const body = await requestJson<{ id: string; url: string }>('/api/snapshots/import', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: await file.text() });
      setState({ kind: 'done', url: body.url });
      onImported();
    } catch (e) {
      setState({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  }
  return (
    <section
      aria-label="Import a snapshot"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const f = e.dataTransfer.files[0];
        if (f) void upload(f);
      }}
      className={`rounded-xl border-2 border-dashed p-4 text-sm ${over ? 'border-sky-500 bg-sky-50 dark:bg-sky-950/30' : 'border-zinc-300 dark:border-zinc-700'}`}
    >
      <h2 className="font-semibold">Import a snapshot file</h2>
      <p className="mt-1 text-zinc-600 dark:text-zinc-400">Drop a kube-posture JSON snapshot here (from an export or `kube-posture scan --format json`). It is validated strictly; nothing is stored unless it passes.</p>
      <label className="mt-2 inline-flex items-center gap-2">
        <span className="sr-only">Snapshot file</span>
        <input type="file" accept="application/json,.json" data-testid="import-file" onChange={(e) => { const f = e.target.files?.[0]; if (f) void upload(f); }} />
      </label>
      {state.kind === 'busy' ? <p role="status">Checking…</p> : null}
      {state.kind === 'done' ? <p role="status">Imported: <Link href={state.url} className="text-sky-700 underline dark:text-sky-400">{state.url}</Link></p> : null}
      {state.kind === 'error' ? <p role="alert" className="text-red-700 dark:text-red-300">Not imported: {state.message}</p> : null}
    </section>
  );
}
