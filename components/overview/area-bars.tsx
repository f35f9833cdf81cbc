import { AREAS, AREA_TITLES } from '@/lib/checks/types';
import type { PostureHead } from '@/lib/posture/types';
import { formatCount } from '@/lib/ui/format';
import { scoreTone } from '@/lib/ui/health-style';
import { cn } from '@/lib/utils/cn';

/** One bar per security area: its score, and how many findings fail there. */
export function AreaBars({ posture }: { posture: Pick<PostureHead, 'scores'> }) {
  return (
    <section aria-labelledby="areas-title" className="rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
      <h2 id="areas-title" className="text-sm font-semibold text-zinc-600 dark:text-zinc-400">
        By security area
      </h2>
      <ul className="mt-2 grid gap-2">
        {AREAS.map((area) => {
          const s = posture.scores.byArea[area];
          const tone = scoreTone(s.score);
          const failing = s.counts.fail + s.counts.warn;
          return (
            <li key={area} className="grid gap-0.5" data-area={area}>
              <div className="flex items-baseline justify-between gap-2 text-xs">
                <span className="truncate" title={AREA_TITLES[area]}>
                  {AREA_TITLES[area]}
                </span>
                <span className={cn('shrink-0 font-semibold tabular-nums', tone.text)}>{s.score === null ? 'n/a' : s.score}</span>
              </div>
              <div
                role="meter"
                aria-label={`${AREA_TITLES[area]}: ${s.score === null ? 'not evaluated' : `score ${s.score} of 100`}, ${formatCount(failing)} open findings`}
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={s.score ?? 0}
                className="h-1.5 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
              >
                <div className={cn('h-full rounded-full', tone.bar)} style={{ width: `${s.score ?? 0}%` }} />
              </div>
              {failing > 0 ? <span className="text-[11px] text-zinc-500 dark:text-zinc-400">{formatCount(failing)} open</span> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
