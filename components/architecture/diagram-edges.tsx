'use client';
/**
 * The connections, styled by protection (solid / dashed / red dotted / thin local), with an arrow
 * at the receiving end and a hover title in words. d3-shape computes the curves; React draws them.
 */
import { linkHorizontal, linkVertical } from 'd3-shape';
import { memo } from 'react';
import type { LayoutEdge } from '@/lib/layout/types';
import { EDGE_PROTECTIONS, EDGE_STROKE, type EdgeProtection, edgeProtection, edgeSentence } from '@/lib/ui/edge-style';
import { cn } from '@/lib/utils/cn';

type Pt = [number, number];
const vertical = linkVertical<{ source: Pt; target: Pt }, Pt>();
const horizontal = linkHorizontal<{ source: Pt; target: Pt }, Pt>();

export function edgePath(e: Pick<LayoutEdge, 'source' | 'target' | 'orientation'>): string {
  const link = e.orientation === 'vertical' ? vertical : horizontal;
  return link({ source: [e.source.x, e.source.y], target: [e.target.x, e.target.y] }) ?? '';
}

export const ARROW_FILL: Record<EdgeProtection, string> = {
  secure: 'fill-zinc-500 dark:fill-zinc-400',
  unverified: 'fill-amber-600 dark:fill-amber-400',
  exposed: 'fill-red-600 dark:fill-red-400',
  local: 'fill-zinc-400 dark:fill-zinc-500',
};

/** Arrow heads, one per look; referenced by id from the edges. */
export function EdgeMarkers({ idPrefix }: { idPrefix: string }) {
  return (
    <defs>
      {EDGE_PROTECTIONS.map((p) => (
        <marker key={p} id={`${idPrefix}-${p}`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M0 1 10 5 0 9Z" className={ARROW_FILL[p]} />
        </marker>
      ))}
    </defs>
  );
}

function EdgeLinesImpl({ edges, idPrefix, dimmedEdges, activeEdge }: { edges: readonly LayoutEdge[]; idPrefix: string; dimmedEdges?: ReadonlySet<string>; activeEdge?: string }) {
  return (
    <g aria-hidden="true">
      {edges.map((e) => {
        const p = edgeProtection(e);
        const s = EDGE_STROKE[p];
        const d = edgePath(e);
        const count = e.edgeIds.length;
        const active = e.id === activeEdge;
        return (
          <g key={e.id} className={cn('transition-opacity', dimmedEdges?.has(e.id) && 'opacity-15')}>
            <title>{`${edgeSentence(e)}${count > 1 ? ` (${count} connections)` : ''}`}</title>
            <path d={d} fill="none" stroke="transparent" strokeWidth={10} />
            <path
              d={d}
              fill="none"
              strokeWidth={active ? s.width + 2.5 : s.width + Math.min(3, Math.log10(count))}
              strokeDasharray={s.dash}
              strokeLinecap="round"
              markerEnd={`url(#${idPrefix}-${p})`}
              className={cn(s.className, active && 'stroke-sky-600 dark:stroke-sky-400')}
            />
          </g>
        );
      })}
    </g>
  );
}

export const EdgeLines = memo(EdgeLinesImpl);
