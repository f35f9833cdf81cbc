import type { Metadata } from 'next';
import { CompactSnapshotFindings } from '@/components/snapshots/compact-snapshot';
import { SnapshotGone } from '../gone';
import { loadSharedSnapshot } from '../load';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Findings · shared snapshot', robots: { index: false, follow: false } };

/** The findings table of a shared snapshot, read-only. */
export default async function SharedSnapshotFindingsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const result = await loadSharedSnapshot(id);
  if (result.status === 'gone') return <SnapshotGone reason={result.reason} at={result.at} />;
  return <CompactSnapshotFindings file={result.file} base={`/s/${id}`} />;
}
