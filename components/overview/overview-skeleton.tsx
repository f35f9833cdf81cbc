import { Skeleton } from '@/components/ui/skeleton';

/** The shape of the overview while the first scan runs, so nothing jumps when it arrives. */
export function OverviewSkeleton({ withHeader = true }: { withHeader?: boolean }) {
  return (
    <div className="grid gap-4" role="status" aria-busy="true" aria-label="Loading the cluster overview">
      {withHeader ? (
        <div className="grid gap-2">
          <Skeleton className="h-7 w-56" />
          <Skeleton className="h-4 w-96" />
        </div>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-[18rem_minmax(0,1fr)]">
        <div className="grid content-start gap-4">
          <Skeleton className="h-44" />
          <Skeleton className="h-96" />
        </div>
        <DiagramSkeleton />
      </div>
    </div>
  );
}

export function DiagramSkeleton() {
  return (
    <div className="grid h-[calc(100dvh-12.5rem)] min-h-[32rem] content-start gap-6 overflow-hidden rounded-xl border border-zinc-200 bg-white p-6 dark:border-zinc-800 dark:bg-zinc-900" aria-hidden="true">
      <Skeleton className="mx-auto h-12 w-48" />
      <div className="flex justify-center gap-6">
        <Skeleton className="h-28 w-40" />
        <Skeleton className="h-28 w-40" />
        <Skeleton className="h-28 w-40" />
      </div>
      <div className="flex justify-center gap-4">
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} className="h-32 w-56" />
        ))}
      </div>
      <div className="flex justify-center gap-4">
        <Skeleton className="h-12 w-40" />
        <Skeleton className="h-12 w-40" />
        <Skeleton className="h-12 w-40" />
      </div>
    </div>
  );
}
