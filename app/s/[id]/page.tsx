import type { Metadata } from 'next';
import { SnapshotView } from '@/components/snapshots/snapshot-view';
import { SnapshotGone } from './gone';
import { loadSharedSnapshotHead } from './load';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Shared snapshot', robots: { index: false, follow: false } };

/**
 * A shared snapshot: read-only, no cluster connection; 404 for unknown links, a notice once
 * revoked or expired. The page carries what the first picture needs (architecture, scores, a
 * status per component); the browser fetches the findings from the file route afterwards.
 */
export default async function SharedSnapshotPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const result = await loadSharedSnapshotHead(id);
  if (result.status === 'gone') return <SnapshotGone reason={result.reason} at={result.at} />;
  return (
    <SnapshotView
      head={result.head}
      rows={{ url: `/api/snapshots/${id}/file` }}
      base={`/s/${id}`}
      downloads={[
        { label: 'Offline report (HTML)', href: `/api/snapshots/${id}/export?format=html` },
        { label: 'JSON', href: `/api/snapshots/${id}/export?format=json` },
        { label: 'Findings (CSV)', href: `/api/snapshots/${id}/export?format=csv` },
      ]}
    />
  );
}
