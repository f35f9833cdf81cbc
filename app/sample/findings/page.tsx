import type { Metadata } from 'next';
import { SnapshotFindings } from '@/components/snapshots/snapshot-findings';
import { loadSample } from '../load';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Findings · sample snapshot' };

/** The findings table of the bundled sample, read-only. */
export default async function SampleFindingsPage() {
  const { posture, label } = await loadSample();
  return <SnapshotFindings posture={posture} base="/sample" label={label ?? 'Sample'} sample />;
}
