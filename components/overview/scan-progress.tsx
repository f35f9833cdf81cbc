import type { ScanProgress } from '@/lib/posture/types';
import { formatCount, percent } from '@/lib/ui/format';

const PHASE_TEXT: Record<ScanProgress['phase'], string> = {
  queued: 'Waiting to start',
  connecting: 'Connecting to the API server',
  collecting: 'Reading the cluster',
  probing: 'Probing endpoints',
  evaluating: 'Evaluating checks',
  done: 'Done',
  failed: 'Failed',
};

/** A real progress bar, fed by the scan's event stream. */
export function ScanProgressBar({ progress }: { progress?: ScanProgress }) {
  const fraction = progress?.fraction ?? 0;
  const detail = progress
    ? [
        PHASE_TEXT[progress.phase],
        progress.kindsTotal > 0 ? `${progress.kindsDone} of ${progress.kindsTotal} kinds` : undefined,
        progress.objectsRead > 0 ? `${formatCount(progress.objectsRead)} objects` : undefined,
        progress.message,
      ]
        .filter(Boolean)
        .join(' · ')
    : 'Starting the scan';
  return (
    <div className="grid gap-1" data-testid="scan-progress">
      <div
        role="progressbar"
        aria-label="Scan progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(fraction * 100)}
        aria-valuetext={`${percent(fraction)}: ${detail}`}
        className="h-2 w-full overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
      >
        <div className="h-full rounded-full bg-sky-600 transition-[width] duration-300 dark:bg-sky-500" style={{ width: percent(Math.max(fraction, 0.02)) }} />
      </div>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        {percent(fraction)} · {detail}
      </p>
    </div>
  );
}
