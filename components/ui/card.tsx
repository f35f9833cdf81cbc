import type { ComponentPropsWithoutRef } from 'react';
import { cn } from '@/lib/utils/cn';

/** A bordered surface. Pass `className` to adjust spacing or width. */
export function Card({ className, ...props }: ComponentPropsWithoutRef<'section'>) {
  return (
    <section
      className={cn(
        'rounded-xl border border-zinc-200 bg-white p-6 shadow-sm dark:border-zinc-800 dark:bg-zinc-900',
        className,
      )}
      {...props}
    />
  );
}
