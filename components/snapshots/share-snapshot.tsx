'use client';
/**
 * "Share snapshot": freezes the scan on screen into an immutable, read-only snapshot with an
 * unguessable link (POST /api/snapshots), optionally anonymized and expiring.
 */
import { useState } from 'react';
import { Button } from '@/components/ui/button';

type State = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; url: string } | { kind: 'error'; message: string };

export function ShareSnapshot({ scanId, context }: { scanId?: string; context: string }) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [anonymize, setAnonymize] = useState(false);
  const [days, setDays] = useState('30');

  async function create() {
    if (!scanId) return;
    setState({ kind: 'busy' });
    try {
      const res = await fetch('/api/snapshots', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ scanId, anonymize, ...(days === 'never' ? {} : { expiresInDays: Number(days) }) }),
      });
      const body = (await res.json()) as { url?: string; error?: { message: string } };
      if (!res.ok || !body.url) throw new Error(body.error?.message ?? `the server answered ${res.status}`);
      setState({ kind: 'done', url: new URL(body.url, window.location.origin).href });
    } catch (e) {
      setState({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  }

  return (
    <details className="rounded-xl border border-zinc-200 bg-white px-4 py-2 text-sm dark:border-zinc-800 dark:bg-zinc-900">
      <summary className="cursor-pointer font-medium">Share a read-only snapshot</summary>
      <p className="mt-1 text-zinc-600 dark:text-zinc-400">
        Frozen, read-only, no cluster access needed to view it.{' '}
        <a href={`/clusters/${encodeURIComponent(context)}/snapshots`} className="text-sky-700 underline dark:text-sky-400">History, compare and import</a>
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <label className="flex items-center gap-1.5">
          <input type="checkbox" checked={anonymize} onChange={(e) => setAnonymize(e.target.checked)} /> Anonymize names
        </label>
        <label className="flex items-center gap-1.5">
          Link expires
          <select value={days} onChange={(e) => setDays(e.target.value)} className="rounded border border-zinc-300 bg-transparent px-1 py-0.5 dark:border-zinc-700">
            <option value="1">in 1 day</option>
            <option value="7">in 7 days</option>
            <option value="30">in 30 days</option>
            <option value="never">never</option>
          </select>
        </label>
        <Button onClick={() => void create()} disabled={!scanId || state.kind === 'busy'}>
          {state.kind === 'busy' ? 'Freezing…' : 'Create link'}
        </Button>
      </div>
      {state.kind === 'done' ? (
        <p className="mt-2" role="status">
          Anyone with this link can view the snapshot (no cluster access needed):{' '}
          <a href={state.url} className="break-all text-sky-700 underline dark:text-sky-400" data-testid="share-link">
            {state.url}
          </a>
        </p>
      ) : null}
      {state.kind === 'error' ? (
        <p className="mt-2 text-red-700 dark:text-red-300" role="alert">
          The snapshot could not be created: {state.message}
        </p>
      ) : null}
    </details>
  );
}
