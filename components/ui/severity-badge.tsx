import type { Severity } from '@/lib/checks/types';
import { SEVERITY_STYLE } from '@/lib/ui/health-style';
import { cn } from '@/lib/utils/cn';

/** The severity as a word on a coloured chip: the word carries the meaning, the colour helps scanning. */
export function SeverityBadge({ severity, className }: { severity: Severity; className?: string }) {
  return (
    <span className={cn('inline-flex rounded px-1.5 py-0.5 text-[11px] leading-none font-semibold tracking-wide uppercase', SEVERITY_STYLE[severity], className)}>
      {severity}
    </span>
  );
}
