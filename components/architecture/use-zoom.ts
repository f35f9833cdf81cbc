'use client';
/**
 * d3-zoom on the diagram's <svg>: bound in an effect, unbound in its cleanup (DESIGN.md).
 * The zoom writes the transform straight onto one <g> instead of going through React state, so
 * panning a 5,000-node picture does not re-render 5,000 boxes on every frame.
 */
import { select } from 'd3-selection';
import { type ZoomBehavior, type ZoomTransform, zoom, zoomIdentity } from 'd3-zoom';
import { type RefObject, useCallback, useEffect, useRef } from 'react';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ZoomControls {
  /** Fit the whole content in the view. */
  fit: () => void;
  /**
   * Pan (without zooming) so that `rect` is in view, if it is not already. `rightInset` keeps it
   * clear of something covering the right of the view (the drill-down panel).
   */
  reveal: (rect: Rect, rightInset?: number) => void;
  zoomBy: (factor: number) => void;
  /** The current transform, for placing HTML overlays. */
  transform: () => ZoomTransform;
  /** True once the user panned or zoomed: from then on, resizes keep their view. */
  userMoved: () => boolean;
}

export function useZoom(svgRef: RefObject<SVGSVGElement | null>, layerRef: RefObject<SVGGElement | null>, content: { width: number; height: number }): ZoomControls {
  const behaviour = useRef<ZoomBehavior<SVGSVGElement, unknown> | null>(null);
  const current = useRef<ZoomTransform>(zoomIdentity);
  const moved = useRef(false);
  const contentRef = useRef(content);
  contentRef.current = content;

  const fit = useCallback(() => {
    moved.current = false;
    const svg = svgRef.current;
    const z = behaviour.current;
    if (!svg || !z) return;
    const { width, height } = svg.getBoundingClientRect();
    const c = contentRef.current;
    if (width === 0 || height === 0 || c.width === 0 || c.height === 0) return;
    const margin = 16;
    // Never blow a small cluster up past its natural size: big boxes read as a different zoom level.
    const k = Math.min((width - 2 * margin) / c.width, (height - 2 * margin) / c.height, 1);
    const x = (width - c.width * k) / 2;
    const y = (height - c.height * k) / 2;
    select(svg).call(z.transform, zoomIdentity.translate(x, y).scale(k));
  }, [svgRef]);

  const reveal = useCallback(
    (r: Rect, rightInset = 0) => {
      const svg = svgRef.current;
      const z = behaviour.current;
      if (!svg || !z) return;
      const rect = svg.getBoundingClientRect();
      const width = Math.max(rect.width - rightInset, rect.width / 3);
      const t = current.current;
      const [x0, y0] = t.apply([r.x, r.y]);
      const [x1, y1] = t.apply([r.x + r.width, r.y + r.height]);
      if (x0 >= 0 && y0 >= 0 && x1 <= width && y1 <= rect.height) return;
      // A deliberate view: a later resize must not fit it away.
      moved.current = true;
      z.translateTo(select(svg), r.x + r.width / 2, r.y + r.height / 2, [width / 2, rect.height / 2]);
    },
    [svgRef],
  );

  const zoomBy = useCallback(
    (factor: number) => {
      const svg = svgRef.current;
      moved.current = true;
      if (svg && behaviour.current) behaviour.current.scaleBy(select(svg), factor);
    },
    [svgRef],
  );

  useEffect(() => {
    const svg = svgRef.current;
    const layer = layerRef.current;
    if (!svg || !layer) return;
    const z = zoom<SVGSVGElement, unknown>()
      .scaleExtent([0.02, 4])
      // Wheel zooms; a click on a component must stay a click, so no double-click zoom.
      .on('zoom', (event: { transform: ZoomTransform; sourceEvent: unknown }) => {
        // A sourceEvent means a wheel, drag or pinch; programmatic fits have none.
        if (event.sourceEvent) moved.current = true;
        current.current = event.transform;
        layer.setAttribute('transform', event.transform.toString());
      });
    behaviour.current = z;
    const selection = select(svg);
    selection.call(z).on('dblclick.zoom', null);
    fit();
    return () => {
      selection.on('.zoom', null);
      behaviour.current = null;
    };
  }, [svgRef, layerRef, fit]);

  return { fit, reveal, zoomBy, transform: () => current.current, userMoved: () => moved.current };
}
