import type { Metadata } from 'next';
import { CompactSnapshotFindings } from '@/components/snapshots/compact-snapshot';
import { loadSample } from '../load';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Findings · sample snapshot' };

/** The findings table of the bundled sample, read-only. */
export default async function SampleFindingsPage() {
  return <CompactSnapshotFindings source={{ json: JSON.stringify(await loadSample()) }} base="/sample" sample />;
}
