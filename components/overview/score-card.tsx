'use client';
import Link from 'next/link';
import { SeverityBadge } from '@/components/ui/severity-badge';
import type { PostureHead } from '@/lib/posture/types';
import { formatCount } from '@/lib/ui/format';
import { scoreTone } from '@/lib/ui/health-style';
import { usePaths } from '@/lib/ui/paths-context';
import { SEVERITY_ORDER } from '@/lib/ui/status';
import { cn } from '@/lib/utils/cn';

/**
 * The overall score with what it covers, and open findings by severity, each a link to the
 * findings table (the live cluster's, or the snapshot's own).
 */
export function ScoreCard({ posture, context }: { posture: Pick<PostureHead, 'scores'>; context: string }) {
  const findings = usePaths().findings(context);
  const s = posture.scores.cluster;
  const tone = scoreTone(s.score);
  const open = posture.scores.bySeverity;
  return (
    <section aria-labelledby="score-title" className="rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
      <h2 id="score-title" className="text-sm font-semibold text-zinc-600 dark:text-zinc-400">
        Security score
      </h2>
      <p className="mt-1 flex items-baseline gap-1">
        <span className={cn('text-4xl font-bold tabular-nums', tone.text)} data-testid="cluster-score">
          {s.score ?? '–'}
        </span>
        <span className="text-sm text-zinc-500 dark:text-zinc-400">/ 100</span>
      </p>
      <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
        {s.coverageText.charAt(0).toUpperCase() + s.coverageText.slice(1)}. {formatCount(s.checks.evaluated)} of {formatCount(s.checks.total)} checks evaluated.
      </p>
      <h3 className="mt-3 text-sm font-semibold text-zinc-600 dark:text-zinc-400">Open findings</h3>
      <ul className="mt-1 grid gap-0.5" aria-label="Open findings by severity">
        {SEVERITY_ORDER.map((sev) => (
          <li key={sev}>
            <Link
              href={`${findings}?severity=${sev}&status=open`}
              className="flex items-center justify-between gap-2 rounded-md px-1.5 py-0.5 hover:bg-zinc-100 dark:hover:bg-zinc-800"
              data-severity={sev}
            >
              <SeverityBadge severity={sev} />
              <span className="font-semibold tabular-nums">{formatCount(open[sev])}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
