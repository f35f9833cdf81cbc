'use client';
/**
 * d3-zoom on the diagram's viewport: bound in an effect, unbound in its cleanup (DESIGN.md).
 *
 * The zoom never goes through React state, and never touches the SVG: it writes a CSS transform
 * onto the HTML element that holds the <svg>, which is its own compositor layer
 * (`will-change: transform`). A pan then moves an already-painted picture, with no SVG layout,
 * paint or hit-test tree to rebuild, which is what keeps an expanded 5,000-node cluster at 60 fps
 * (bench/diagram.ts). A layer keeps the scale it was painted at, so after a zoom settles it is
 * dropped and recreated once, to paint sharp text at the new scale.
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

export interface ZoomOptions {
  /** A wheel, drag or pinch moved the picture (true), or ended (false); never for fits and reveals. */
  onGesture?: (active: boolean) => void;
  /** The scale once a zoom has settled (also after fits): for what depends on zoom, without a render. */
  onSettle?: (k: number) => void;
}

/** `translate(…) scale(…)` for CSS, rounded so the layer does not shimmer between sub-pixels. */
export function cssTransform(t: Pick<ZoomTransform, 'x' | 'y' | 'k'>): string {
  return `translate(${Math.round(t.x * 100) / 100}px, ${Math.round(t.y * 100) / 100}px) scale(${Math.round(t.k * 10000) / 10000})`;
}

/** How long a zoom must have settled before the layer is repainted at its new scale. */
const SETTLE_MS = 180;

/**
 * `viewport` takes the wheel and drags; `layer` (inside it) is what moves; `shield` is an empty
 * element over the layer that lets the pointer through (pointer-events: none) except during a
 * gesture.
 */
export interface ZoomElements {
  viewport: RefObject<HTMLElement | null>;
  layer: RefObject<HTMLElement | null>;
  shield: RefObject<HTMLElement | null>;
}

export function useZoom({ viewport: viewportRef, layer: layerRef, shield: shieldRef }: ZoomElements, content: { width: number; height: number }, options: ZoomOptions = {}): ZoomControls {
  const behaviour = useRef<ZoomBehavior<HTMLElement, unknown> | null>(null);
  const current = useRef<ZoomTransform>(zoomIdentity);
  const moved = useRef(false);
  const contentRef = useRef(content);
  contentRef.current = content;
  const onGesture = useRef(options.onGesture);
  onGesture.current = options.onGesture;
  const onSettle = useRef(options.onSettle);
  onSettle.current = options.onSettle;

  const fit = useCallback(() => {
    moved.current = false;
    const viewport = viewportRef.current;
    const z = behaviour.current;
    if (!viewport || !z) return;
    const { clientWidth: width, clientHeight: height } = viewport;
    const c = contentRef.current;
    if (width === 0 || height === 0 || c.width === 0 || c.height === 0) return;
    const margin = 16;
    // Never blow a small cluster up past its natural size: big boxes read as a different zoom level.
    const k = Math.min((width - 2 * margin) / c.width, (height - 2 * margin) / c.height, 1);
    const x = (width - c.width * k) / 2;
    const y = (height - c.height * k) / 2;
    select(viewport).call(z.transform, zoomIdentity.translate(x, y).scale(k));
  }, [viewportRef]);

  const reveal = useCallback(
    (r: Rect, rightInset = 0) => {
      const viewport = viewportRef.current;
      const z = behaviour.current;
      if (!viewport || !z) return;
      const { clientWidth, clientHeight } = viewport;
      const width = Math.max(clientWidth - rightInset, clientWidth / 3);
      const t = current.current;
      const [x0, y0] = t.apply([r.x, r.y]);
      const [x1, y1] = t.apply([r.x + r.width, r.y + r.height]);
      if (x0 >= 0 && y0 >= 0 && x1 <= width && y1 <= clientHeight) return;
      // A deliberate view: a later resize must not fit it away.
      moved.current = true;
      z.translateTo(select(viewport), r.x + r.width / 2, r.y + r.height / 2, [width / 2, clientHeight / 2]);
    },
    [viewportRef],
  );

  const zoomBy = useCallback(
    (factor: number) => {
      const viewport = viewportRef.current;
      moved.current = true;
      if (viewport && behaviour.current) behaviour.current.scaleBy(select(viewport), factor);
    },
    [viewportRef],
  );

  useEffect(() => {
    const viewport = viewportRef.current;
    const layer = layerRef.current;
    const shield = shieldRef.current;
    if (!viewport || !layer) return;
    let paintedScale = current.current.k;
    let settle: ReturnType<typeof setTimeout> | undefined;
    let frame = 0;
    // Drop the layer for one frame so the browser paints the picture again at the current scale.
    const repaintAtScale = () => {
      const k = current.current.k;
      onSettle.current?.(k);
      // Shrunk a little, the painted picture still looks right; enlarged, it would blur.
      if (k <= paintedScale * 1.1 && k >= paintedScale / 2) return;
      paintedScale = k;
      layer.style.willChange = 'auto';
      frame = requestAnimationFrame(() => {
        layer.style.willChange = 'transform';
      });
    };
    layer.style.transformOrigin = '0 0';
    layer.style.willChange = 'transform';
    // During a drag or wheel the shield takes the pointer: it is hit instead of thousands of
    // shapes on every move, and nothing under the pointer reacts mid-gesture. Only its own
    // pointer-events change: on the layer that property would be inherited and restyle every
    // shape, and showing or hiding the shield would repaint the whole picture. A click without
    // movement never gets here, so it still reaches its box.
    let gesture = false;
    const z = zoom<HTMLElement, unknown>()
      .scaleExtent([0.02, 4])
      .on('start', () => clearTimeout(settle))
      // Wheel zooms; a click on a component must stay a click, so no double-click zoom.
      .on('zoom', (event: { transform: ZoomTransform; sourceEvent: unknown }) => {
        // A sourceEvent means a wheel, drag or pinch; programmatic fits have none.
        if (event.sourceEvent) {
          moved.current = true;
          if (!gesture) {
            gesture = true;
            if (shield) shield.style.pointerEvents = 'auto';
            onGesture.current?.(true);
          }
        }
        current.current = event.transform;
        layer.style.transform = cssTransform(event.transform);
      })
      .on('end', () => {
        if (gesture) {
          gesture = false;
          if (shield) shield.style.pointerEvents = '';
          onGesture.current?.(false);
        }
        clearTimeout(settle);
        settle = setTimeout(repaintAtScale, SETTLE_MS);
      });
    behaviour.current = z;
    const selection = select(viewport);
    selection.call(z).on('dblclick.zoom', null);
    fit();
    return () => {
      clearTimeout(settle);
      cancelAnimationFrame(frame);
      selection.on('.zoom', null);
      behaviour.current = null;
    };
  }, [viewportRef, layerRef, shieldRef, fit]);

  return { fit, reveal, zoomBy, transform: () => current.current, userMoved: () => moved.current };
}
