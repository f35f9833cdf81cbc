import type { Metadata } from 'next';
import { CompactSnapshotFindings } from '@/components/snapshots/compact-snapshot';
import { SnapshotGone } from '../gone';
import { loadSharedSnapshotStatus } from '../load';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Findings · shared snapshot', robots: { index: false, follow: false } };

/** The findings table of a shared snapshot, read-only; its rows come from the file route. */
export default async function SharedSnapshotFindingsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const status = await loadSharedSnapshotStatus(id);
  if (status.status === 'gone') return <SnapshotGone reason={status.reason} at={status.at} />;
  return <CompactSnapshotFindings source={{ url: `/api/snapshots/${id}/file` }} base={`/s/${id}`} />;
}
