'use client';
/**
 * What changed between two snapshots: score deltas (cluster and per area), findings introduced,
 * resolved and changed, and the architecture's changes (components, versions, flags, connections).
 */
import Link from 'next/link';
import useSWR from 'swr';
import { ErrorState } from '@/components/cluster/error-state';
import { SeverityBadge } from '@/components/ui/severity-badge';
import { AREA_TITLES, AREAS } from '@/lib/checks/types';
import type { DiffEntry, PostureDiff, ScoreDelta, SideState } from '@/lib/snapshots/diff';
import { requestJson, type ApiRequestError } from '@/lib/ui/api';

const LIMIT = 200;

/** Snapshots count passing objects instead of listing them: say what a missing row can mean. */
const stateText = (s: SideState) => (s === 'pass-or-absent' ? 'passing or absent (passes are counted, not listed)' : s);

function Delta({ d }: { d: ScoreDelta }) {
  if (d.delta === null) return <span className="text-zinc-500">{d.before ?? '–'} → {d.after ?? '–'}</span>;
  const tone = d.delta > 0 ? 'text-emerald-700 dark:text-emerald-400' : d.delta < 0 ? 'text-red-700 dark:text-red-400' : 'text-zinc-500';
  return (
    <span className="tabular-nums">
      {d.before} → {d.after} <span className={tone}>({d.delta > 0 ? '+' : ''}{d.delta})</span>
    </span>
  );
}

function Entries({ title, entries, testId }: { title: string; entries: DiffEntry[]; testId: string }) {
  return (
    <section aria-label={title} data-testid={testId} className="rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
      <h2 className="mb-2 font-semibold">{title} ({entries.length})</h2>
      <ul className="grid gap-1 text-sm">
        {entries.slice(0, LIMIT).map((e) => (
          <li key={`${e.finding.checkId} ${e.finding.componentId} ${e.finding.object ? `${e.finding.object.kind}/${e.finding.object.namespace ?? ''}/${e.finding.object.name}` : ''}`} className="flex flex-wrap items-center gap-2">
            <SeverityBadge severity={e.finding.severity} />
            <span className="font-medium">{e.finding.title}</span>
            <span className="text-zinc-600 dark:text-zinc-400">
              {e.finding.object ? `${e.finding.object.kind} ${e.finding.object.namespace ? `${e.finding.object.namespace}/` : ''}${e.finding.object.name}` : e.finding.componentId} · {stateText(e.before)} → {stateText(e.after)}
            </span>
          </li>
        ))}
      </ul>
      {entries.length > LIMIT ? <p className="mt-2 text-xs text-zinc-500">and {entries.length - LIMIT} more (the JSON diff has all of them).</p> : null}
    </section>
  );
}

export function DiffView({ a, b }: { a: string; b: string }) {
  const url = `/api/snapshots/diff?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}`;
  const { data, error } = useSWR<PostureDiff, ApiRequestError>(url, (u: string) => requestJson<PostureDiff>(u));
  return (
    <main id="main" className="mx-auto grid max-w-5xl gap-4 px-4 py-6">
      <h1 className="text-2xl font-bold">What changed</h1>
      {error ? <ErrorState error={error} /> : null}
      {data ? (
        <>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            <Link href={`/s/${a}`} className="underline">{data.before.context} at {new Date(data.before.collectedAt).toUTCString()}</Link> →{' '}
            <Link href={`/s/${b}`} className="underline">{data.after.context} at {new Date(data.after.collectedAt).toUTCString()}</Link> · <a href={url} className="underline">JSON</a>
          </p>
          {data.notes.map((n) => (
            <p key={n} role="note" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:bg-amber-950/40 dark:text-amber-100">{n}</p>
          ))}
          <section aria-label="Scores" className="grid gap-1 rounded-xl border border-zinc-200 bg-white p-4 text-sm dark:border-zinc-800 dark:bg-zinc-900">
            <p className="text-base">Cluster score: <span className="font-semibold" data-testid="score-delta"><Delta d={data.scores.cluster} /></span></p>
            <ul className="grid gap-0.5 sm:grid-cols-2">
              {AREAS.map((area) => (
                <li key={area} className="flex justify-between gap-2"><span>{AREA_TITLES[area]}</span><Delta d={data.scores.byArea[area]} /></li>
              ))}
            </ul>
          </section>
          <Entries title="New findings" entries={data.introduced} testId="introduced" />
          <Entries title="Resolved findings" entries={data.resolved} testId="resolved" />
          <Entries title="Changed findings" entries={data.changed} testId="changed" />
          <section aria-label="Architecture changes" className="rounded-xl border border-zinc-200 bg-white p-4 text-sm dark:border-zinc-800 dark:bg-zinc-900">
            <h2 className="mb-2 font-semibold">Architecture</h2>
            <ul className="grid gap-1">
              {data.architecture.componentsAdded.map((c) => <li key={`+${c.id}`}>+ {c.name} <span className="text-zinc-500">({c.type})</span></li>)}
              {data.architecture.componentsRemoved.map((c) => <li key={`-${c.id}`}>− {c.name} <span className="text-zinc-500">({c.type})</span></li>)}
              {data.architecture.versionsChanged.map((c) => <li key={`v${c.id}`}>{c.name}: version {c.before ?? '?'} → {c.after ?? '?'}</li>)}
              {data.architecture.flagsChanged.map((c) => (
                <li key={`f${c.id}`}>
                  {c.name}: {Object.keys(c.changed).length} flags changed, {Object.keys(c.added).length} added, {Object.keys(c.removed).length} removed
                </li>
              ))}
              {data.architecture.edgesChanged.map((e) => <li key={`e${e.id}`}>{e.from} → {e.to}: TLS {e.tls.before} → {e.tls.after}, auth {e.auth.before} → {e.auth.after}</li>)}
            </ul>
          </section>
        </>
      ) : null}
    </main>
  );
}
