import type { ComponentPropsWithoutRef } from 'react';
import { cn } from '@/lib/utils/cn';

/** A grey placeholder block while data loads. Hidden from screen readers; the page says "Loading". */
export function Skeleton({ className, ...props }: ComponentPropsWithoutRef<'div'>) {
  return <div aria-hidden="true" className={cn('animate-pulse rounded-md bg-zinc-200 dark:bg-zinc-800', className)} {...props} />;
}
