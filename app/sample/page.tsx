import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Metadata } from 'next';
import { SnapshotView } from '@/components/snapshots/snapshot-view';
import { parseSnapshotFile } from '@/lib/snapshots/import';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Sample snapshot' };

/** The bundled sample (public/sample/, a real scan of the weak local cluster): what kube-posture shows, without a cluster. */
export default async function SamplePage({ searchParams }: { searchParams: Promise<{ reason?: string }> }) {
  const { reason } = await searchParams;
  const parsed = parseSnapshotFile(await readFile(join(process.cwd(), 'public', 'sample', 'snapshot.json'), 'utf8'));
  if (!parsed.ok) throw new Error(`the bundled sample snapshot is invalid: ${parsed.error.message}`);
  const { posture, ...meta } = parsed.snapshot;
  return (
    <SnapshotView
      meta={{ ...meta, sample: true }}
      notice={reason === 'not-configured' ? 'No kubeconfig was found (set KUBECONFIG or create ~/.kube/config, then reload /), so this is the bundled sample: a real scan of the weak local test cluster.' : undefined}
      posture={posture}
      base="/sample"
      downloads={[
        { label: 'Offline report (HTML)', href: '/sample/snapshot.html' },
        { label: 'JSON', href: '/sample/snapshot.json' },
        { label: 'Findings (CSV)', href: '/sample/findings.csv' },
      ]}
    />
  );
}
