'use client';
/**
 * Resolves which context a page shows: the one in the URL, or the kubeconfig's current context
 * for `/`. Shows what to do when there is none (no kubeconfig, no current context).
 */
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, type ReactNode } from 'react';
import { routes } from '@/lib/ui/routes';
import { useContexts } from '@/lib/ui/use-contexts';
import { ErrorState } from './error-state';

export function ClusterGate({ context, children, fallback }: { context?: string; children: (context: string, server?: string) => ReactNode; fallback: ReactNode }) {
  const { data, error } = useContexts();
  const resolved = context ?? data?.current;
  const server = data?.contexts.find((c) => c.name === resolved)?.server;
  // No kubeconfig at all on the home page: open on the bundled sample, which says why.
  const toSample = !resolved && context === undefined && error?.code === 'not-configured';
  const router = useRouter();
  useEffect(() => {
    if (toSample) router.replace('/sample?reason=not-configured');
  }, [toSample, router]);
  if (resolved) return <>{children(resolved, server)}</>;
  if (toSample) return <>{fallback}</>;
  if (error) return <ErrorState error={error} />;
  if (!data) return <>{fallback}</>;
  return (
    <section className="mx-auto mt-10 max-w-2xl rounded-xl border border-zinc-200 bg-white p-6 dark:border-zinc-800 dark:bg-zinc-900">
      <h1 className="text-lg font-semibold">Choose a cluster</h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        {data.contexts.length === 0
          ? 'Your kubeconfig has no contexts. Add one (for example with your cloud CLI) and reload.'
          : 'Your kubeconfig has no current context. Pick one to scan:'}
      </p>
      <ul className="mt-3 grid gap-1">
        {data.contexts.map((c) => (
          <li key={c.name}>
            <Link href={routes.overview(c.name)} className="text-sky-700 underline dark:text-sky-400">
              {c.name}
            </Link>{' '}
            <span className="font-mono text-xs text-zinc-500">{c.server}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
