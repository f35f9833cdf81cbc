'use client';
import Link from 'next/link';
import { ErrorState } from '@/components/cluster/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import { ScanProgressBar } from '@/components/overview/scan-progress';
import { routes } from '@/lib/ui/routes';
import { useClusterScan } from '@/lib/ui/use-cluster-scan';
import { ComponentDetails } from './component-details';

/** The deep-linkable drill-down: /clusters/{context}/components/{...id}. */
export function ComponentPage({ context, componentId }: { context: string; componentId: string }) {
  const scan = useClusterScan(context);
  return (
    <main id="main" className="mx-auto grid max-w-7xl gap-4 px-4 py-4 lg:px-6">
      <nav aria-label="Breadcrumb" className="text-sm text-zinc-600 dark:text-zinc-400">
        <Link href={routes.overview(context)} className="text-sky-700 underline dark:text-sky-400">
          {context}
        </Link>
        <span aria-hidden="true"> / </span>
        <span>{componentId}</span>
      </nav>
      {scan.running && !scan.posture ? <ScanProgressBar progress={scan.progress} /> : null}
      {scan.error ? <ErrorState error={scan.error} onRetry={scan.rescan} compact={Boolean(scan.posture)} context={context} /> : null}
      {scan.posture ? (
        <ComponentDetails posture={scan.posture} componentId={componentId} context={context} variant="page" headingLevel={1} />
      ) : scan.error ? null : (
        <div className="grid gap-3" role="status" aria-busy="true" aria-label="Loading the component">
          <Skeleton className="h-8 w-72" />
          <Skeleton className="h-40" />
          <Skeleton className="h-72" />
        </div>
      )}
    </main>
  );
}
