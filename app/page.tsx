'use client';
import { ClusterGate } from '@/components/cluster/cluster-gate';
import { OverviewSkeleton } from '@/components/overview/overview-skeleton';
import { OverviewView } from '@/components/overview/overview-view';

/** `/`: the overview of the kubeconfig's current context (the same page as /clusters/{context}). */
export default function HomePage() {
  return (
    <ClusterGate
      fallback={
        <main id="main" className="px-4 py-4 lg:px-6">
          <OverviewSkeleton />
        </main>
      }
    >
      {(context, server) => <OverviewView key={context} context={context} server={server} />}
    </ClusterGate>
  );
}
