'use client';
/**
 * The overview of one cluster: identity, scan state, score, open findings, areas, and the
 * architecture diagram with its drill-down panel. The diagram's code loads in parallel with the
 * scan (it cannot draw before the posture arrives anyway), which keeps it out of first-load JS.
 */
import { useEffect } from 'react';
import { ErrorState } from '@/components/cluster/error-state';
import { ShareSnapshot } from '@/components/snapshots/share-snapshot';
import { partialData } from '@/lib/ui/partial-data';
import { useClusterScan } from '@/lib/ui/use-cluster-scan';
import { useContexts } from '@/lib/ui/use-contexts';
import { ClusterIdentity } from './cluster-identity';
import { OverviewSkeleton } from './overview-skeleton';
import { PartialDataBanner } from './partial-data-banner';
import { loadDiagram, PostureBody } from './posture-body';

export function OverviewView({ context, server }: { context: string; server?: string }) {
  const scan = useClusterScan(context);
  const contexts = useContexts();
  const endpoint = server ?? contexts.data?.contexts.find((c) => c.name === context)?.server;
  useEffect(() => {
    void loadDiagram();
  }, []);

  const { posture } = scan;
  return (
    <main id="main" className="grid gap-4 px-4 py-4 lg:px-6">
      <ClusterIdentity context={context} posture={posture} scannedAt={scan.scannedAt} running={scan.running} progress={scan.progress} onRescan={scan.rescan} server={endpoint} />
      {scan.error ? <ErrorState error={scan.error} onRetry={scan.rescan} compact={Boolean(posture)} context={posture ? undefined : context} /> : null}
      {posture ? (
        <>
          <PartialDataBanner data={partialData(posture.issues, posture.findings)} />
          <ShareSnapshot scanId={scan.doneScanId} context={context} />
          <PostureBody posture={posture} findings={posture.findings} context={context} />
        </>
      ) : scan.error ? null : (
        <OverviewSkeleton withHeader={false} />
      )}
    </main>
  );
}
