import { StatusIcon } from '@/components/ui/status-icon';
import { formatCount } from '@/lib/ui/format';
import { HEALTH_STYLE } from '@/lib/ui/health-style';
import { type ComponentStatus, HEALTH_TEXT, openCount, statusSentence } from '@/lib/ui/status';
import { cn } from '@/lib/utils/cn';
import type { TooltipFinding } from './tooltip-findings';

export interface TooltipInfo {
  /** The box it describes. */
  boxId: string;
  title: string;
  status: ComponentStatus;
  hint: string;
  /** Position inside the diagram container, in CSS pixels. */
  x: number;
  y: number;
}

/** A hover/focus summary. Not focusable and hidden from screen readers: the box's label says it all. */
export function DiagramTooltip({ info, top }: { info: TooltipInfo; top?: TooltipFinding[] }) {
  return (
    <div
      aria-hidden="true"
      className="pointer-events-none absolute z-20 w-72 rounded-lg border border-zinc-200 bg-white p-3 text-sm shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
      style={{ left: info.x, top: info.y }}
    >
      <p className="flex items-center gap-1.5 font-semibold">
        <StatusIcon health={info.status.health} />
        {info.title}
      </p>
      <p className={cn('mt-0.5 text-xs font-medium', HEALTH_STYLE[info.status.health].text)}>
        {HEALTH_TEXT[info.status.health]} · {statusSentence(info.status)}
      </p>
      {top === undefined && openCount(info.status) > 0 ? (
        <p className="mt-2 text-xs text-zinc-500 dark:text-zinc-400">Loading findings…</p>
      ) : top && top.length > 0 ? (
        <ul className="mt-2 grid gap-1 text-xs">
          {top.map(({ finding: f, count }) => (
            <li key={f.checkId} className="flex gap-1">
              <span className="font-semibold uppercase">{f.severity}</span>
              <span className="text-zinc-700 dark:text-zinc-300">
                {f.title}
                {count > 1 ? <span className="text-zinc-500 dark:text-zinc-400"> ×{formatCount(count)}</span> : null}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      <p className="mt-2 text-xs text-zinc-500 dark:text-zinc-400">{info.hint}</p>
    </div>
  );
}
