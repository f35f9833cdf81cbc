'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { Logo } from '@/components/ui/logo';
import { contextFromPath, routes } from '@/lib/ui/routes';
import { useContexts } from '@/lib/ui/use-contexts';
import { cn } from '@/lib/utils/cn';
import { ContextSwitcher } from './context-switcher';
import { ThemeToggle } from './theme-toggle';

function NavLink({ href, current, children }: { href: string; current: boolean; children: string }) {
  return (
    <Link
      href={href}
      aria-current={current ? 'page' : undefined}
      className={cn(
        'rounded-md px-2.5 py-1.5 text-sm font-medium',
        current ? 'bg-zinc-100 text-zinc-900 dark:bg-zinc-800 dark:text-white' : 'text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-white',
      )}
    >
      {children}
    </Link>
  );
}

/** Logo, the pages of the active cluster, the cluster switcher and the theme toggle. */
export function AppHeader() {
  const pathname = usePathname();
  const { data } = useContexts();
  const context = contextFromPath(pathname) ?? data?.current;
  const onFindings = pathname.endsWith('/findings');
  const onChecks = pathname.startsWith('/checks');

  return (
    <header className="sticky top-0 z-30 border-b border-zinc-200 bg-white/90 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/90">
      <div className="flex h-14 items-center gap-4 px-4 lg:px-6">
        <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight">
          <Logo className="size-7" />
          <span>kube-posture</span>
        </Link>
        <nav aria-label="Pages" className="flex items-center gap-1">
          <NavLink href={context ? routes.overview(context) : '/'} current={!onFindings && !onChecks}>
            Overview
          </NavLink>
          {context ? (
            <NavLink href={routes.findings(context)} current={onFindings}>
              Findings
            </NavLink>
          ) : null}
          <NavLink href={routes.checks()} current={onChecks}>
            Checks
          </NavLink>
        </nav>
        <div className="ml-auto flex items-center gap-3">
          <ContextSwitcher active={context} />
          <ThemeToggle />
        </div>
      </div>
    </header>
  );
}
