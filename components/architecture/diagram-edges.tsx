'use client';
/**
 * The connections, styled by protection (solid / dashed / red dotted / thin local), with an arrow
 * at the receiving end, a hover title in words, and a short label of what protects them at the
 * middle (edge-label.ts). The labels show on hover, for the box under the pointer or keyboard, and
 * for every edge once zoomed in (the viewport's `data-edge-labels`, set by the diagram when a zoom
 * settles, so no render is needed). d3-shape computes the curves; React draws them.
 */
import { linkHorizontal, linkVertical } from 'd3-shape';
import { memo, useMemo } from 'react';
import type { LayoutBox, LayoutEdge } from '@/lib/layout/types';
import { EDGE_PROTECTIONS, EDGE_STROKE, type EdgeProtection, edgeProtection, edgeSentence } from '@/lib/ui/edge-style';
import { cn } from '@/lib/utils/cn';
import { type LabelSpot, edgeShortLabel, placeEdgeLabels } from './edge-label';

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

const LABEL_FILL: Record<EdgeProtection, string> = {
  secure: 'fill-zinc-600 dark:fill-zinc-300',
  unverified: 'fill-amber-700 dark:fill-amber-300',
  exposed: 'fill-red-700 dark:fill-red-300',
  local: 'fill-zinc-500 dark:fill-zinc-400',
};

interface EdgeLinesProps {
  edges: readonly LayoutEdge[];
  /** The boxes, which labels keep clear of. */
  boxes: readonly LayoutBox[];
  idPrefix: string;
  dimmedEdges?: ReadonlySet<string>;
  activeEdge?: string;
  /** The box under the pointer or keyboard focus: its connections show their labels. */
  labelBox?: string;
}

function EdgeLinesImpl({ edges, boxes, idPrefix, dimmedEdges, activeEdge, labelBox }: EdgeLinesProps) {
  const spots = useMemo(() => placeEdgeLabels(edges, boxes), [edges, boxes]);
  return (
    <g aria-hidden="true">
      {edges.map((e) => {
        const p = edgeProtection(e);
        const s = EDGE_STROKE[p];
        const d = edgePath(e);
        const count = e.edgeIds.length;
        const active = e.id === activeEdge;
        return (
          <g key={e.id} className={cn('group/edge transition-opacity', dimmedEdges?.has(e.id) && 'opacity-15')}>
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
            <EdgeLabel edge={e} protection={p} spot={spots.get(e.id)} active={active} shown={e.from === labelBox || e.to === labelBox} />
          </g>
        );
      })}
    </g>
  );
}

export const EdgeLines = memo(EdgeLinesImpl);

function EdgeLabel({ edge, protection, spot, active, shown }: { edge: LayoutEdge; protection: EdgeProtection; spot?: LabelSpot; active: boolean; shown: boolean }) {
  if (!spot) return null;
  return (
    <text
      x={spot.x}
      y={spot.y}
      dy="0.35em"
      textAnchor="middle"
      paintOrder="stroke"
      strokeWidth={4}
      strokeLinejoin="round"
      data-edge-label=""
      className={cn(
        'pointer-events-none stroke-zinc-50 text-[11px] font-medium dark:stroke-zinc-900',
        LABEL_FILL[protection],
        // A label with room of its own shows for its box's hover or focus and when zoomed in; one
        // that would cover a box or another label only while its own line is hovered.
        (shown && spot.free) || active ? 'visible' : cn('invisible group-hover/edge:visible', spot.free && '[[data-edge-labels=on]_&]:visible'),
      )}
    >
      {edgeShortLabel(edge)}
    </text>
  );
}
