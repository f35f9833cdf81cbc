'use client';
/**
 * /clusters/{context}/findings: every finding of the latest scan in one virtualized table,
 * filterable, sortable and groupable, with the filters in the URL.
 */
import { ErrorState } from '@/components/cluster/error-state';
import { ScanProgressBar } from '@/components/overview/scan-progress';
import { Skeleton } from '@/components/ui/skeleton';
import { useClusterScan } from '@/lib/ui/use-cluster-scan';
import { FindingsExplorer } from './findings-explorer';

export function FindingsView({ context }: { context: string }) {
  const scan = useClusterScan(context);
  const posture = scan.posture;
  return (
    <main id="main" className="flex h-[calc(100dvh-3.5rem)] flex-col gap-3 px-4 py-4 lg:px-6">
      {posture ? null : (
        <div className="flex flex-wrap items-baseline gap-x-4">
          <h1 className="text-2xl font-semibold tracking-tight">Findings</h1>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">{context}</p>
        </div>
      )}
      {scan.running && !posture ? <ScanProgressBar progress={scan.progress} /> : null}
      {scan.error ? <ErrorState error={scan.error} onRetry={scan.rescan} compact={Boolean(posture)} context={context} /> : null}
      {posture ? (
        <FindingsExplorer posture={posture} context={context} />
      ) : scan.error ? null : (
        <div className="grid gap-2" role="status" aria-busy="true" aria-label="Loading findings">
          <Skeleton className="h-10" />
          {Array.from({ length: 10 }, (_, i) => (
            <Skeleton key={i} className="h-9" />
          ))}
        </div>
      )}
    </main>
  );
}
