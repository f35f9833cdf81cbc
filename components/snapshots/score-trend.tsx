/**
 * Score over time as a small SVG line: one point per snapshot, oldest on the left. Pure render;
 * the numbers are also in the table next to it, so the chart is decoration for screen readers.
 */
import type { SnapshotSummary } from '@/lib/snapshots/types';

const W = 640;
const H = 160;
const PAD = 28;

export function ScoreTrend({ snapshots }: { snapshots: readonly SnapshotSummary[] }) {
  const points = [...snapshots].reverse().filter((s) => s.score !== null);
  if (points.length < 2) return <p className="text-sm text-zinc-600 dark:text-zinc-400">The trend appears from the second snapshot on.</p>;
  const t0 = Date.parse(points[0]!.createdAt);
  const t1 = Date.parse(points[points.length - 1]!.createdAt);
  const x = (t: number) => PAD + ((t - t0) / Math.max(1, t1 - t0)) * (W - 2 * PAD);
  const y = (score: number) => H - PAD - (score / 100) * (H - 2 * PAD);
  const d = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(Date.parse(p.createdAt)).toFixed(1)},${y(p.score as number).toFixed(1)}`).join(' ');
  return (
    <svg viewBox={`0 0 ${W} ${H}`} className="h-40 w-full max-w-2xl" aria-hidden="true">
      {[0, 50, 100].map((v) => (
        <g key={v}>
          <line x1={PAD} x2={W - PAD} y1={y(v)} y2={y(v)} className="stroke-zinc-200 dark:stroke-zinc-800" />
          <text x={4} y={y(v) + 4} className="fill-zinc-500 text-[10px]">
            {v}
          </text>
        </g>
      ))}
      <path d={d} fill="none" className="stroke-sky-600 dark:stroke-sky-400" strokeWidth={2} />
      {points.map((p) => (
        <circle key={p.id} cx={x(Date.parse(p.createdAt))} cy={y(p.score as number)} r={3.5} className="fill-sky-600 dark:fill-sky-400" />
      ))}
    </svg>
  );
}
