'use client';
/**
 * Accept a finding's risk: a reason, who accepts it and until when (POST /api/waivers). The
 * finding then shows as "accepted risk" and stops counting against the score from the next scan
 * until the waiver expires; the object annotation kube-posture.io/waive-<check-id> does the same.
 */
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import type { Finding } from '@/lib/checks/types';
import { requestJson } from '@/lib/ui/api';

type State = { kind: 'idle' | 'busy' | 'done' } | { kind: 'error'; message: string };

export function WaiveForm({ finding, context }: { finding: Finding; context: string }) {
  const [reason, setReason] = useState('');
  const [author, setAuthor] = useState('');
  const [days, setDays] = useState(30);
  const [state, setState] = useState<State>({ kind: 'idle' });
  if (finding.waived) {
    return (
      <p className="text-sm">
        Accepted risk: “{finding.waived.reason}” by {finding.waived.author}
        {finding.waived.expiresAt ? `, until ${new Date(finding.waived.expiresAt).toUTCString()}` : ''} ({finding.waived.source === 'annotation' ? 'annotation on the object' : 'stored waiver'}).
      </p>
    );
  }
  if (finding.status !== 'fail' && finding.status !== 'warn') return null;
  const object = finding.object ? `${finding.object.kind} ${finding.object.namespace ? `${finding.object.namespace}/` : ''}${finding.object.name}` : undefined;

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setState({ kind: 'busy' });
    try {
      await requestJson('/api/waivers', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ context, checkId: finding.checkId, target: { componentId: finding.componentId, ...(object ? { object } : {}) }, reason, author, expiresInDays: days }),
      });
      setState({ kind: 'done' });
    } catch (err) {
      setState({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
    }
  }

  if (state.kind === 'done') return <p role="status" className="text-sm">Waived for {days} days. It counts as accepted risk from the next scan (Rescan on the overview).</p>;
  return (
    <form onSubmit={(e) => void submit(e)} className="grid gap-2 text-sm" aria-label="Accept this risk">
      <h3 className="font-semibold">Accept this risk</h3>
      <label className="grid gap-1">
        Reason
        <textarea required minLength={5} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} className="rounded border border-zinc-300 bg-transparent px-2 py-1 dark:border-zinc-700" />
      </label>
      <div className="flex flex-wrap gap-3">
        <label className="grid gap-1">
          Accepted by
          <input required maxLength={200} value={author} onChange={(e) => setAuthor(e.target.value)} className="rounded border border-zinc-300 bg-transparent px-2 py-1 dark:border-zinc-700" />
        </label>
        <label className="grid gap-1">
          For (days)
          <input type="number" min={1} max={366} value={days} onChange={(e) => setDays(Number(e.target.value))} className="w-24 rounded border border-zinc-300 bg-transparent px-2 py-1 dark:border-zinc-700" />
        </label>
      </div>
      <div>
        <Button type="submit" disabled={state.kind === 'busy'}>{state.kind === 'busy' ? 'Saving…' : 'Waive'}</Button>
      </div>
      {state.kind === 'error' ? <p role="alert" className="text-red-700 dark:text-red-300">Not waived: {state.message}</p> : null}
    </form>
  );
}
