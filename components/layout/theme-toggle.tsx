'use client';
import { useEffect, useState } from 'react';
import { THEME_STORAGE_KEY, type ThemeChoice, nextTheme, parseTheme } from '@/lib/ui/theme';
import { cn } from '@/lib/utils/cn';

const LABELS: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' };

function Icon({ choice }: { choice: ThemeChoice }) {
  const common = { fill: 'none', stroke: 'currentColor', strokeWidth: 1.6, strokeLinecap: 'round', strokeLinejoin: 'round' } as const;
  return (
    <svg viewBox="0 0 20 20" className="size-4" aria-hidden="true" {...common}>
      {choice === 'light' ? (
        <>
          <circle cx="10" cy="10" r="3.5" />
          <path d="M10 2v2m0 12v2M2 10h2m12 0h2M4.3 4.3l1.4 1.4m8.6 8.6 1.4 1.4M4.3 15.7l1.4-1.4m8.6-8.6 1.4-1.4" />
        </>
      ) : choice === 'dark' ? (
        <path d="M16 12.5A7 7 0 0 1 7.5 4 7 7 0 1 0 16 12.5Z" />
      ) : (
        <>
          <rect x="2.5" y="3.5" width="15" height="10" rx="1.5" />
          <path d="M7 17h6m-3-3.5V17" />
        </>
      )}
    </svg>
  );
}

/** Cycles System → Light → Dark; the choice is stored in localStorage and applied before paint. */
export function ThemeToggle({ className }: { className?: string }) {
  const [choice, setChoice] = useState<ThemeChoice>('system');
  useEffect(() => setChoice(parseTheme(localStorage.getItem(THEME_STORAGE_KEY))), []);

  const change = () => {
    const next = nextTheme(choice);
    setChoice(next);
    if (next === 'system') localStorage.removeItem(THEME_STORAGE_KEY);
    else localStorage.setItem(THEME_STORAGE_KEY, next);
    (window as unknown as { __kpApplyTheme?: () => void }).__kpApplyTheme?.();
  };

  return (
    <button
      type="button"
      onClick={change}
      className={cn('inline-flex items-center gap-1.5 rounded-md px-2 py-1.5 text-sm text-zinc-700 hover:bg-zinc-100 dark:text-zinc-200 dark:hover:bg-zinc-800', className)}
      aria-label={`Theme: ${LABELS[choice]}. Switch to ${LABELS[nextTheme(choice)]}`}
      title={`Theme: ${LABELS[choice]}`}
    >
      <Icon choice={choice} />
      <span className="hidden xl:inline">{LABELS[choice]}</span>
    </button>
  );
}
