import { Button } from '@/components/ui/button';
import type { ApiRequestError } from '@/lib/ui/api';
import { ERROR_GUIDANCE } from '@/lib/ui/error-guidance';
import { cn } from '@/lib/utils/cn';

/**
 * A failed scan or request: what happened (the server's sentence), and what to do next.
 * `compact` is the banner form shown above older results that are still on screen.
 */
export function ErrorState({ error, onRetry, compact = false, context }: { error: ApiRequestError; onRetry?: () => void; compact?: boolean; context?: string }) {
  const g = ERROR_GUIDANCE[error.code];
  return (
    <section
      role="alert"
      data-error-code={error.code}
      className={cn(
        'rounded-xl border border-red-200 bg-red-50 text-red-950 dark:border-red-900 dark:bg-red-950/40 dark:text-red-100',
        compact ? 'px-4 py-3' : 'mx-auto mt-10 max-w-2xl px-6 py-6',
      )}
    >
      <h2 className={cn('font-semibold', compact ? 'text-sm' : 'text-lg')}>
        {g.title}
        {context ? <span className="font-normal text-red-800 dark:text-red-200"> · {context}</span> : null}
      </h2>
      <p className="mt-1 text-sm">{error.message}</p>
      <p className="mt-2 text-sm text-red-900 dark:text-red-200">
        <span className="font-medium">What to do next: </span>
        {g.next}
      </p>
      {!compact && ['not-configured', 'unreachable', 'unauthorized', 'timeout'].includes(error.code) ? (
        <p className="mt-2 text-sm">
          Meanwhile, <a href="/sample" className="underline">see what kube-posture shows on a sample cluster</a> (a bundled snapshot, no cluster needed).
        </p>
      ) : null}
      {onRetry && g.retry ? (
        <Button className="mt-3" onClick={onRetry}>
          Try again
        </Button>
      ) : null}
    </section>
  );
}
