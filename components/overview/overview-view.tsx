'use client';
/**
 * The overview of one cluster: identity, scan state, score, open findings, areas, and the
 * architecture diagram with its drill-down panel. The diagram's code loads in parallel with the
 * scan (it cannot draw before the posture arrives anyway), which keeps it out of first-load JS.
 */
import dynamic from 'next/dynamic';
import { useEffect } from 'react';
import { ErrorState } from '@/components/cluster/error-state';
import { ShareSnapshot } from '@/components/snapshots/share-snapshot';
import { useClusterScan } from '@/lib/ui/use-cluster-scan';
import { useContexts } from '@/lib/ui/use-contexts';
import { useUrlParam } from '@/lib/ui/use-url-param';
import { AreaBars } from './area-bars';
import { ClusterIdentity } from './cluster-identity';
import { DiagramSkeleton, OverviewSkeleton } from './overview-skeleton';
import { PartialDataBanner } from './partial-data-banner';
import { ScoreCard } from './score-card';

const loadDiagram = () => import('@/components/architecture/architecture-diagram');
const ArchitectureDiagram = dynamic(() => loadDiagram().then((m) => m.ArchitectureDiagram), { ssr: false, loading: () => <DiagramSkeleton /> });
// The drill-down panel is only needed once a component is picked.
const ComponentPanel = dynamic(() => import('@/components/architecture/component-panel').then((m) => m.ComponentPanel), { ssr: false });

export function OverviewView({ context, server }: { context: string; server?: string }) {
  const scan = useClusterScan(context);
  const contexts = useContexts();
  const endpoint = server ?? contexts.data?.contexts.find((c) => c.name === context)?.server;
  const [selected, setSelected] = useUrlParam('component');
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
          <PartialDataBanner issues={posture.issues} findings={posture.findings} />
          <ShareSnapshot scanId={scan.doneScanId} context={context} />
          <div className="grid gap-4 lg:grid-cols-[18rem_minmax(0,1fr)]">
            <div className="grid min-w-0 content-start gap-4">
              <ScoreCard posture={posture} context={context} />
              <AreaBars posture={posture} />
            </div>
            <section aria-label="Architecture" className="h-[calc(100dvh-12.5rem)] min-h-[32rem] overflow-hidden rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
              <ArchitectureDiagram
                posture={posture}
                selectedId={selected}
                onSelect={setSelected}
                panel={selected ? <ComponentPanel posture={posture} componentId={selected} context={context} onClose={() => setSelected(undefined)} /> : null}
              />
            </section>
          </div>
        </>
      ) : scan.error ? null : (
        <OverviewSkeleton withHeader={false} />
      )}
    </main>
  );
}
