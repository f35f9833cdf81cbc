import { StatusIcon } from '@/components/ui/status-icon';
import { EDGE_PROTECTIONS, EDGE_STROKE, PROTECTION_TEXT } from '@/lib/ui/edge-style';
import { HEALTH_LEVELS, HEALTH_TEXT } from '@/lib/ui/status';

/** What the shapes and line styles mean: a strip under the diagram, so it never hides a component. */
export function DiagramLegend() {
  return (
    <div aria-label="Legend" role="group" className="flex flex-wrap items-center gap-x-4 gap-y-1 border-t border-zinc-200 px-3 py-1.5 text-[11px] text-zinc-700 dark:border-zinc-800 dark:text-zinc-300">
      <ul aria-label="Component status" className="flex flex-wrap items-center gap-x-3 gap-y-1">
        {HEALTH_LEVELS.map((h) => (
          <li key={h} className="flex items-center gap-1">
            <StatusIcon health={h} className="size-3.5" />
            <span>{HEALTH_TEXT[h]}</span>
          </li>
        ))}
      </ul>
      <ul aria-label="Connections" className="flex flex-wrap items-center gap-x-3 gap-y-1">
        {EDGE_PROTECTIONS.map((p) => {
          const s = EDGE_STROKE[p];
          return (
            <li key={p} className="flex items-center gap-1">
              <svg viewBox="0 0 28 8" className="h-2 w-7 shrink-0" aria-hidden="true">
                <line x1="1" y1="4" x2="27" y2="4" strokeWidth={s.width} strokeDasharray={s.dash} strokeLinecap="round" className={s.className} />
              </svg>
              <span>{PROTECTION_TEXT[p]}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
