import type { ComponentPropsWithoutRef } from 'react';
import { cn } from '@/lib/utils/cn';

/** The kube-posture mark: a shield inside a hexagon. Decorative unless given a `title`. */
export function Logo({ className, title, ...props }: ComponentPropsWithoutRef<'svg'> & { title?: string }) {
  return (
    <svg
      viewBox="0 0 32 32"
      fill="none"
      role={title ? 'img' : undefined}
      aria-hidden={title ? undefined : true}
      className={cn('size-8', className)}
      {...props}
    >
      {title ? <title>{title}</title> : null}
      <path d="M16 2 28.1 9v14L16 30 3.9 23V9L16 2Z" className="fill-sky-600 dark:fill-sky-500" />
      <path
        d="M16 8.5 22 11v4.6c0 3.9-2.5 6.9-6 8-3.5-1.1-6-4.1-6-8V11l6-2.5Z"
        className="fill-white dark:fill-zinc-950"
      />
      <path
        d="m13 16 2.2 2.2L19.5 14"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
        className="stroke-sky-600 dark:stroke-sky-500"
      />
    </svg>
  );
}
