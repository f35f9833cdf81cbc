import type { GoneReason } from '@/lib/snapshots/types';

/** What a revoked or expired share link shows instead of the snapshot. */
export function SnapshotGone({ reason, at }: { reason: GoneReason; at: string }) {
  return (
    <main id="main" className="mx-auto grid max-w-xl gap-2 px-4 py-16">
      <h1 className="text-2xl font-bold">This snapshot is no longer shared</h1>
      <p className="text-zinc-600 dark:text-zinc-400">
        It was {reason === 'expired' ? 'set to expire' : 'revoked by its owner'} on {new Date(at).toUTCString()}. Ask whoever sent you the link for a new one.
      </p>
    </main>
  );
}
