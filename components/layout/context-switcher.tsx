'use client';
import { usePathname, useRouter } from 'next/navigation';
import { useId } from 'react';
import { switchContextPath } from '@/lib/ui/routes';
import { useContexts } from '@/lib/ui/use-contexts';

/** Every kubeconfig context; picking one opens the same page for that cluster. */
export function ContextSwitcher({ active }: { active?: string }) {
  const { data, error } = useContexts();
  const router = useRouter();
  const pathname = usePathname();
  const id = useId();
  if (error) return null;
  const contexts = data?.contexts ?? [];
  const value = active ?? data?.current ?? '';
  const known = contexts.some((c) => c.name === value);

  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="text-sm text-zinc-600 dark:text-zinc-400">
        Cluster
      </label>
      <select
        id={id}
        value={value}
        disabled={!data}
        onChange={(e) => router.push(switchContextPath(pathname, e.target.value))}
        className="max-w-64 rounded-md border border-zinc-300 bg-white py-1 pr-8 pl-2 text-sm text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
      >
        {!data ? <option value={value}>{value || 'Loading…'}</option> : null}
        {data && !known ? <option value={value}>{value || 'Choose a context'}</option> : null}
        {contexts.map((c) => (
          <option key={c.name} value={c.name}>
            {c.name}
            {c.name === data?.current ? ' (current)' : ''}
          </option>
        ))}
      </select>
    </div>
  );
}
