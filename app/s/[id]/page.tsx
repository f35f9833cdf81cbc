import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { SnapshotView } from '@/components/snapshots/snapshot-view';
import { isSnapshotId } from '@/lib/snapshots/ids';
import { getStore } from '@/lib/snapshots/store';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Shared snapshot', robots: { index: false, follow: false } };

/** A shared snapshot: read-only, no cluster connection; 404 for unknown links, a notice once revoked or expired. */
export default async function SharedSnapshotPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!isSnapshotId(id)) notFound();
  const result = await (await getStore()).get(id);
  if (result.status === 'not-found') notFound();
  if (result.status === 'gone') {
    return (
      <main id="main" className="mx-auto grid max-w-xl gap-2 px-4 py-16">
        <h1 className="text-2xl font-bold">This snapshot is no longer shared</h1>
        <p className="text-zinc-600 dark:text-zinc-400">
          It was {result.reason === 'expired' ? 'set to expire' : 'revoked by its owner'} on {new Date(result.at).toUTCString()}. Ask whoever sent you the link for a new one.
        </p>
      </main>
    );
  }
  const { posture, ...meta } = result.snapshot;
  const base = `/s/${id}`;
  return (
    <SnapshotView
      meta={meta}
      posture={posture}
      base={base}
      downloads={[
        { label: 'Offline report (HTML)', href: `/api/snapshots/${id}/export?format=html` },
        { label: 'JSON', href: `/api/snapshots/${id}/export?format=json` },
        { label: 'Findings (CSV)', href: `/api/snapshots/${id}/export?format=csv` },
      ]}
    />
  );
}
