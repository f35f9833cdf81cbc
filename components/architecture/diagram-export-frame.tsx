'use client';
/**
 * What an exported picture has around the diagram: background, title line and legend, drawn
 * with the same classes, status shapes and line styles as the page. Rendered off-screen only
 * for the moment of an export; diagram-export-dom.ts copies it with computed styles and puts
 * the diagram into the `data-export-part="diagram"` slot.
 */
import type { Ref } from 'react';
import { StatusGlyph } from '@/components/ui/status-icon';
import { type ExportLayout, type ExportTitle, LEGEND_MARK } from '@/lib/ui/diagram-export';
import { EDGE_STROKE } from '@/lib/ui/edge-style';

const LEGEND_TEXT = 'fill-zinc-700 dark:fill-zinc-300';

export function DiagramExportFrame({ layout, title, ref }: { layout: ExportLayout; title: ExportTitle; ref: Ref<SVGSVGElement> }) {
  const { width, height, heading, detail, legend } = layout;
  return (
    <svg ref={ref} width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true">
      <rect width={width} height={height} className="fill-white dark:fill-zinc-900" />
      <text x={heading.x} y={heading.y} fontSize={heading.fontSize} className="fill-zinc-900 font-semibold dark:fill-zinc-50">
        {title.heading}
      </text>
      <text x={detail.x} y={detail.y} fontSize={detail.fontSize} className="fill-zinc-600 dark:fill-zinc-400">
        {title.detail}
      </text>
      <g data-export-part="diagram" transform={`translate(${layout.diagram.dx} ${layout.diagram.dy})`} />
      {legend.items.map(({ item, x, y }) => {
        const textX = LEGEND_MARK[item.kind] + LEGEND_MARK.gap;
        const stroke = item.kind === 'edge' ? EDGE_STROKE[item.key] : undefined;
        return (
          <g key={`${item.kind}-${item.key}`} transform={`translate(${x} ${y})`}>
            {item.kind === 'health' ? (
              <StatusGlyph health={item.key} x={0} y={-LEGEND_MARK.health / 2} size={LEGEND_MARK.health} />
            ) : (
              <line x1={1} y1={0} x2={LEGEND_MARK.edge - 1} y2={0} strokeWidth={stroke?.width} strokeDasharray={stroke?.dash} strokeLinecap="round" className={stroke?.className} />
            )}
            <text x={textX} y={legend.fontSize * 0.36} fontSize={legend.fontSize} className={LEGEND_TEXT}>
              {item.label}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
