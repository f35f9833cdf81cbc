import type { Severity, Status } from '@/lib/checks/types';
import { HEALTH_STYLE, healthOfStatus } from '@/lib/ui/health-style';
import { STATUS_TEXT } from '@/lib/ui/status';
import { cn } from '@/lib/utils/cn';
import { StatusIcon } from './status-icon';

/** A finding's status: shape + word (+ colour). */
export function StatusBadge({ status, severity, className }: { status: Status; severity?: Severity; className?: string }) {
  const health = healthOfStatus(status, severity);
  return (
    <span className={cn('inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset', HEALTH_STYLE[health].soft, className)}>
      <StatusIcon health={health} className="size-3.5" />
      {STATUS_TEXT[status]}
    </span>
  );
}
