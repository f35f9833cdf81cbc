import type { Metadata } from 'next';
import { SnapshotView } from '@/components/snapshots/snapshot-view';
import { snapshotPageHeadJson } from '@/lib/snapshots/page-head';
import { loadSample } from './load';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Sample snapshot' };

/** The bundled sample (public/sample/, a real scan of the weak local cluster): what kube-posture shows, without a cluster. */
export default async function SamplePage({ searchParams }: { searchParams: Promise<{ reason?: string }> }) {
  const { reason } = await searchParams;
  const file = await loadSample();
  return (
    <SnapshotView
      head={snapshotPageHeadJson(file, 'sample')}
      // The sample is small: its rows travel with the page.
      rows={{ json: JSON.stringify(file) }}
      sample
      notice={reason === 'not-configured' ? 'No kubeconfig was found (set KUBECONFIG or create ~/.kube/config, then reload /), so this is the bundled sample: a real scan of the weak local test cluster.' : undefined}
      base="/sample"
      downloads={[
        { label: 'Offline report (HTML)', href: '/sample/snapshot.html' },
        { label: 'JSON', href: '/sample/snapshot.json' },
        { label: 'Findings (CSV)', href: '/sample/findings.csv' },
      ]}
    />
  );
}
