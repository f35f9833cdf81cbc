'use client';
/**
 * The architecture diagram: layers of the cluster with a security status on every component.
 *
 * - Layout: lib/layout (pure, deterministic). This file only wires state to it.
 * - Drawing: React renders SVG; d3-zoom (use-zoom.ts) pans and zooms it as one composited layer,
 *   without React, and nothing reacts to the pointer while a drag or wheel is under way.
 * - Keyboard: one box is in the tab order (roving tabindex); arrows move spatially, Home/End jump,
 *   Enter/Space open (or expand a node group), Escape closes the panel or the walkthrough.
 * - Clicks, keys and hovers are handled once on the layer (event delegation via data-box-id).
 */
import { type FocusEvent, type KeyboardEvent, type MouseEvent, type ReactNode, useCallback, useDeferredValue, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { layoutArchitecture } from '@/lib/layout/architecture-layout';
import type { ArchitectureLayout, LayoutBox } from '@/lib/layout/types';
import type { Finding } from '@/lib/checks/types';
import type { Architecture, Component } from '@/lib/model/architecture';
import type { Posture } from '@/lib/posture/types';
import { componentLabel } from '@/lib/ui/component-names';
import { compareFindings } from '@/lib/ui/component-view';
import { type DiagramFilter, type FilterResult, applyDiagramFilter, isFiltering } from '@/lib/ui/diagram-filter';
import { formatCount } from '@/lib/ui/format';
import { podCreationFlow } from '@/lib/ui/request-flow';
import { directionOfKey, nearestInDirection, readingOrder } from '@/lib/ui/spatial-nav';
import { type ComponentStatus, EMPTY_STATUS, type StatusTally, componentAriaLabel, rollUp, statusSentence } from '@/lib/ui/status';
import { BoxView, Frame, FrameTitle } from './diagram-box';
import { EdgeLines, EdgeMarkers, edgePath } from './diagram-edges';
import { DiagramLegend } from './diagram-legend';
import { DiagramToolbar } from './diagram-toolbar';
import { DiagramTooltip, type TooltipInfo } from './diagram-tooltip';
import { EDGE_LABEL_ZOOM } from './edge-label';
import { worstDistinct } from './tooltip-findings';
import { RequestFlowPanel } from './request-flow-panel';
import { useZoom } from './use-zoom';

export interface ArchitectureDiagramProps {
  posture: Pick<Posture, 'architecture' | 'cluster' | 'collectedAt'>;
  /** Per-component tallies of the rows (lib/ui/status.ts): the statuses, with and without filters. */
  tallies: ReadonlyMap<string, StatusTally>;
  /**
   * The rows, for tooltips and the walkthrough; undefined while a snapshot is still expanding
   * them (the picture, statuses and filters do not wait for them).
   */
  findings?: readonly Finding[];
  /** Asks for `findings` now (a tooltip or the walkthrough wants them). */
  onNeedFindings?: () => void;
  /** Called once, after the first frame showing the picture. */
  onPainted?: () => void;
  /** The component whose drill-down is open. */
  selectedId?: string;
  onSelect: (id: string | undefined) => void;
  /** The side panel, rendered over the right of the diagram while something is selected. */
  panel?: ReactNode;
}

/**
 * The last layout per architecture, and the unfiltered statuses per set of tallies, outside
 * React: a render React throws away before committing (an update arriving while the page
 * hydrates restarts it) would otherwise lay out a 5,000-node picture twice on the way to the
 * first frame.
 */
const layouts = new WeakMap<Architecture, { expanded: ReadonlySet<string>; layout: ArchitectureLayout }>();
function layoutOf(arch: Architecture, expanded: ReadonlySet<string>): ArchitectureLayout {
  const hit = layouts.get(arch);
  if (hit?.expanded === expanded) return hit.layout;
  const layout = layoutArchitecture(arch, { expandedGroups: expanded });
  layouts.set(arch, { expanded, layout });
  return layout;
}
/** Every group collapsed: one set for every mount, so a restarted render finds its layout. */
const NO_GROUPS: ReadonlySet<string> = new Set();
const unfiltered = new WeakMap<ReadonlyMap<string, StatusTally>, FilterResult>();
function filterResult(components: readonly Component[], tallies: ReadonlyMap<string, StatusTally>, filter: DiagramFilter): FilterResult {
  if (isFiltering(filter)) return applyDiagramFilter(components, tallies, filter);
  let r = unfiltered.get(tallies);
  if (!r) unfiltered.set(tallies, (r = applyDiagramFilter(components, tallies, filter)));
  return r;
}

function boxLabel(box: LayoutBox, c: Component | undefined, status: ComponentStatus): string {
  if (box.kind === 'group') return `Node group ${box.label}, ${formatCount(box.nodeCount ?? 0)} nodes: ${statusSentence(status)}. Press Enter to expand.`;
  if (!c) return box.label;
  if (box.kind === 'node-compact') return componentAriaLabel(`${componentLabel(c)} with its kubelet, kube-proxy and runtime`, status);
  return componentAriaLabel(componentLabel(c), status);
}

export function ArchitectureDiagram({ posture, tallies, findings, onNeedFindings, onPainted, selectedId, onSelect, panel }: ArchitectureDiagramProps) {
  const arch = posture.architecture;
  const markerId = `kp-arrow-${useId().replace(/:/g, '')}`;
  const [filter, setFilter] = useState<DiagramFilter>({});
  const deferredFilter = useDeferredValue(filter);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(NO_GROUPS);
  const [focusId, setFocusId] = useState<string | undefined>();
  const [tooltip, setTooltip] = useState<TooltipInfo | undefined>();
  const [flow, setFlow] = useState<{ index: number; playing: boolean } | null>(null);

  const containerRef = useRef<HTMLDivElement>(null);
  const viewportRef = useRef<HTMLDivElement>(null);
  const layerRef = useRef<HTMLDivElement>(null);
  const shieldRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);

  const layout = useMemo(() => layoutOf(arch, expanded), [arch, expanded]);
  const componentsById = useMemo(() => new Map(arch.components.map((c) => [c.id, c])), [arch]);
  const boxesById = useMemo(() => new Map(layout.boxes.map((b) => [b.id, b])), [layout]);
  const { statuses, matches } = useMemo(() => filterResult(arch.components, tallies, deferredFilter), [arch, tallies, deferredFilter]);
  const openByComponent = useMemo(() => {
    if (!findings) return undefined;
    const m = new Map<string, Finding[]>();
    for (const f of findings) {
      if (f.waived || (f.status !== 'fail' && f.status !== 'warn')) continue;
      const list = m.get(f.componentId);
      if (list) list.push(f);
      else m.set(f.componentId, [f]);
    }
    return m;
  }, [findings]);

  const boxStatus = useMemo(() => {
    const out = new Map<string, ComponentStatus>();
    for (const b of layout.boxes) {
      if (b.members.length === 0) continue;
      out.set(b.id, b.members.length === 1 ? (statuses.get(b.members[0] ?? '') ?? EMPTY_STATUS) : rollUp(b.members.map((m) => statuses.get(m))));
    }
    return out;
  }, [layout, statuses]);

  const interactive = useMemo(() => layout.boxes.filter((b) => b.componentId || b.kind === 'group').sort(readingOrder), [layout]);
  const tabbableId = focusId && boxesById.has(focusId) ? focusId : interactive[0]?.id;
  const selectedBox = selectedId ? layout.boxOfComponent.get(selectedId) : undefined;

  // Walkthrough of pod creation, worked out only once it is opened (~0.2 s at 5,000 nodes).
  const flowOpen = flow !== null;
  const steps = useMemo(() => (flowOpen && findings ? podCreationFlow(arch, findings as Finding[]) : []), [flowOpen, arch, findings]);
  const needFindings = (flowOpen || tooltip !== undefined) && !findings;
  useEffect(() => {
    if (needFindings) onNeedFindings?.();
  }, [needFindings, onNeedFindings]);
  const step = flow ? steps[flow.index] : undefined;
  const flowBoxes = step ? new Set([layout.boxOfComponent.get(step.from), layout.boxOfComponent.get(step.to)]) : undefined;
  const flowEdge = step?.edge ? layout.edges.find((e) => e.edgeIds.includes(step.edge?.id ?? '')) : undefined;
  const flowReversed = Boolean(flowEdge && layout.boxOfComponent.get(step?.from ?? '') !== flowEdge.from);

  // A pan or zoom moves the picture under the tooltip, which would then point at the wrong box.
  const onGesture = useCallback((active: boolean) => {
    if (active) setTooltip(undefined);
  }, []);
  const onSettle = useCallback((k: number) => {
    if (viewportRef.current) viewportRef.current.dataset['edgeLabels'] = k >= EDGE_LABEL_ZOOM ? 'on' : 'off';
  }, []);
  const zoom = useZoom({ viewport: viewportRef, layer: layerRef, shield: shieldRef }, { width: layout.width, height: layout.height }, { onGesture, onSettle });

  // Fit when a new cluster (or a new scan) arrives, and once the container has a size.
  const { fit } = zoom;
  useEffect(() => {
    fit();
  }, [arch, fit]);
  useEffect(() => {
    const el = containerRef.current;
    if (!el) return;
    // Keep the picture fitted while the page settles (fonts, banners, panels), until the user
    // pans or zooms: then their view is theirs.
    let last = { width: 0, height: 0 };
    const ro = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const { width, height } = entry.contentRect;
      const changed = Math.abs(width - last.width) > 2 || Math.abs(height - last.height) > 2;
      last = { width, height };
      if (width > 0 && changed && !zoom.userMoved()) zoom.fit();
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [zoom]);

  // For bench/diagram.ts: when the diagram first rendered with its data (a lazy initial state runs
  // once, at mount), when React committed a layout, and when the frame showing it was produced (a
  // task queued from requestAnimationFrame runs after that frame's paint).
  useState(() => performance.mark('kp:diagram-render'));
  const paintedRef = useRef(onPainted);
  useLayoutEffect(() => {
    paintedRef.current = onPainted;
  }, [onPainted]);
  const firstPainted = useRef(false);
  useLayoutEffect(() => {
    performance.mark('kp:diagram-committed', { detail: { boxes: layout.boxes.length } });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const raf = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        performance.mark('kp:diagram-painted', { detail: { boxes: layout.boxes.length } });
        if (firstPainted.current) return;
        firstPainted.current = true;
        paintedRef.current?.();
      }, 0);
    });
    return () => {
      cancelAnimationFrame(raf);
      clearTimeout(timer);
    };
  }, [layout]);

  // Keep the selected component in view, clear of the drill-down panel on the right.
  const { reveal } = zoom;
  useEffect(() => {
    const box = selectedBox ? boxesById.get(selectedBox) : undefined;
    if (!box) return;
    const panelWidth = containerRef.current?.querySelector<HTMLElement>('[data-testid="component-panel"]')?.offsetWidth ?? 480;
    reveal(box, panelWidth + 16);
  }, [selectedBox, boxesById, reveal]);

  const focusBox = useCallback((id: string) => {
    const el = svgRef.current?.querySelector<SVGGElement>(`[data-box-id="${CSS.escape(id)}"]`);
    el?.focus();
  }, []);

  const activate = useCallback(
    (id: string, action?: string | null) => {
      const box = boxesById.get(id);
      if (action === 'collapse') {
        setExpanded((prev) => {
          const next = new Set(prev);
          next.delete(id);
          return next;
        });
        setFocusId(id);
        return;
      }
      if (!box) return;
      if (box.kind === 'group' && box.groupId) {
        const groupId = box.groupId;
        setExpanded((prev) => new Set(prev).add(groupId));
        setTooltip(undefined);
        return;
      }
      if (box.componentId) onSelect(box.componentId);
    },
    [boxesById, onSelect],
  );

  const targetOf = (e: { target: EventTarget }) => (e.target as Element).closest<SVGGElement>('[data-box-id]');

  const onClick = (e: MouseEvent<SVGGElement>) => {
    const el = targetOf(e);
    const id = el?.dataset['boxId'];
    if (!el || !id) return;
    setFocusId(id);
    activate(id, el.dataset['action']);
  };

  const showTooltip = (el: SVGGElement, id: string) => {
    const box = boxesById.get(id);
    const container = containerRef.current;
    if (!box || !container || box.kind === 'frame') return;
    const status = boxStatus.get(id) ?? EMPTY_STATUS;
    const c = box.componentId ? componentsById.get(box.componentId) : undefined;
    const r = el.getBoundingClientRect();
    const cr = container.getBoundingClientRect();
    const x = Math.min(Math.max(8, r.left - cr.left), cr.width - 296);
    const below = r.bottom - cr.top + 8;
    const y = below + 200 > cr.height ? Math.max(8, r.top - cr.top - 200) : below;
    setTooltip({
      boxId: id,
      title: box.kind === 'group' ? `${box.label} (${formatCount(box.nodeCount ?? 0)} nodes)` : c ? componentLabel(c) : box.label,
      status,
      hint: box.kind === 'group' ? 'Click or press Enter to show its nodes.' : 'Click or press Enter for details.',
      x,
      y,
    });
  };

  const onMouseOver = (e: MouseEvent<SVGGElement>) => {
    if (e.buttons !== 0) return;
    const el = targetOf(e);
    const id = el?.dataset['boxId'];
    if (el && id && !el.dataset['action']) showTooltip(el, id);
  };

  const onFocus = (e: FocusEvent<SVGGElement>) => {
    const el = targetOf(e);
    const id = el?.dataset['boxId'];
    if (!el || !id || el.dataset['action']) return;
    setFocusId(id);
    const box = boxesById.get(id);
    if (box) zoom.reveal(box);
    showTooltip(el, id);
  };

  const onKeyDown = (e: KeyboardEvent<SVGGElement>) => {
    const el = targetOf(e);
    const id = el?.dataset['boxId'];
    if (!id) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      activate(id, el?.dataset['action']);
      return;
    }
    const current = boxesById.get(id);
    const dir = directionOfKey(e.key);
    let next: LayoutBox | undefined;
    if (dir && current) next = nearestInDirection(current, interactive, dir) as LayoutBox | undefined;
    else if (e.key === 'Home') next = interactive[0];
    else if (e.key === 'End') next = interactive.at(-1);
    if (next) {
      e.preventDefault();
      setFocusId(next.id);
      focusBox(next.id);
    }
  };

  // Escape closes the walkthrough first, then the panel; focus returns to the box.
  const onContainerKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Escape') return;
    if (flow) {
      setFlow(null);
      e.stopPropagation();
    } else if (selectedId) {
      onSelect(undefined);
      const boxId = layout.boxOfComponent.get(selectedId);
      if (boxId) requestAnimationFrame(() => focusBox(boxId));
      e.stopPropagation();
    }
    setTooltip(undefined);
  };

  const matchCount = matches ? arch.components.filter((c) => matches.has(c.id)).length : undefined;
  const matchText = matchCount === undefined ? undefined : `${formatCount(matchCount)} of ${formatCount(arch.components.length)} components match`;
  const dimmedEdges = useMemo(() => {
    if (!matches && !flowBoxes) return undefined;
    const out = new Set<string>();
    for (const e of layout.edges) {
      if (flowBoxes) {
        if (e.id !== flowEdge?.id) out.add(e.id);
        continue;
      }
      const a = boxesById.get(e.from);
      const b = boxesById.get(e.to);
      const on = (x: LayoutBox | undefined) => x?.members.some((m) => matches?.has(m));
      if (!on(a) && !on(b)) out.add(e.id);
    }
    return out;
  }, [layout, matches, boxesById, flowBoxes, flowEdge]);

  // The tooltip's worst findings, once the rows are there (a snapshot expands them after the picture).
  const tooltipBox = tooltip ? boxesById.get(tooltip.boxId) : undefined;
  const tooltipTop = useMemo(
    () => (tooltipBox && openByComponent ? worstDistinct(tooltipBox.members.flatMap((m) => openByComponent.get(m) ?? []).sort(compareFindings)) : undefined),
    [tooltipBox, openByComponent],
  );

  const labelOf = (id: string) => {
    const c = componentsById.get(id);
    return c ? componentLabel(c) : id;
  };

  return (
    <div className="flex h-full min-h-0 flex-col">
      <DiagramToolbar
        filter={filter}
        onFilter={setFilter}
        onFit={zoom.fit}
        onZoom={zoom.zoomBy}
        flowActive={Boolean(flow)}
        onPlayFlow={() => setFlow(flow ? null : { index: 0, playing: true })}
        matchText={matchText}
        exportSource={{ svgRef, context: posture.cluster.context, collectedAt: posture.collectedAt }}
      />
      <div ref={containerRef} className="relative min-h-0 flex-1 overflow-hidden" onKeyDown={onContainerKeyDown} onMouseLeave={() => setTooltip(undefined)}>
        {/* The viewport takes the wheel and drags; the layer inside it is what moves (use-zoom.ts). */}
        {/* data-edge-labels: set on every settled zoom (onSettle); present from the start so the
            SVG/PNG export always finds it (lib/ui/diagram-export-dom.ts, atNaturalSize). */}
        <div ref={viewportRef} data-edge-labels="off" className="absolute inset-0 touch-none overflow-clip">
          {/* contain: strict keeps a move of the layer from repainting what is in it (without it,
              Chromium repainted all of an expanded 5,000-node picture on most frames of a pan). */}
          <div ref={layerRef} className="absolute top-0 left-0 contain-strict" style={{ width: layout.width, height: layout.height }}>
            <svg
              ref={svgRef}
              role="group"
              aria-label={`Architecture of ${posture.cluster.context}: ${formatCount(arch.components.length)} components in four layers. Use the arrow keys to move between components and Enter to open one.`}
              width={layout.width}
              height={layout.height}
              className="block overflow-visible select-none"
              data-testid="architecture-diagram"
              data-aggregated={layout.aggregated ? 'true' : 'false'}
            >
              <EdgeMarkers idPrefix={markerId} />
              <g>
                {layout.boxes.map((b) => (b.kind === 'band' ? <BoxView key={b.id} box={b} status={EMPTY_STATUS} ariaLabel="" dimmed={false} selected={false} highlighted={false} tabbable={false} /> : null))}
                {layout.boxes.map((b) => (b.kind === 'frame' ? <Frame key={b.id} box={b} /> : null))}
                <EdgeLines edges={layout.edges} boxes={layout.boxes} idPrefix={markerId} dimmedEdges={dimmedEdges} activeEdge={flowEdge?.id} labelBox={tooltip?.boxId} />
                {layout.boxes.map((b) => (b.kind === 'frame' ? <FrameTitle key={b.id} box={b} expanded={Boolean(b.groupId && expanded.has(b.groupId))} /> : null))}
                <g onClick={onClick} onKeyDown={onKeyDown} onMouseOver={onMouseOver} onMouseOut={() => setTooltip(undefined)} onFocus={onFocus} onBlur={() => setTooltip(undefined)}>
                  {layout.boxes.map((b) => {
                    if (b.kind === 'band' || b.kind === 'frame') return null;
                    const c = b.componentId ? componentsById.get(b.componentId) : undefined;
                    const status = boxStatus.get(b.id) ?? EMPTY_STATUS;
                    const matched = !matches || b.members.some((m) => matches.has(m));
                    const inFlow = flowBoxes?.has(b.id) ?? false;
                    return (
                      <BoxView
                        key={b.id}
                        box={b}
                        component={c}
                        status={status}
                        ariaLabel={boxLabel(b, c, status)}
                        dimmed={flowBoxes ? !inFlow : !matched}
                        selected={b.id === selectedBox}
                        highlighted={inFlow}
                        tabbable={b.id === tabbableId}
                      />
                    );
                  })}
                </g>
                {step && flowBoxes ? <FlowTracer key={flow?.index} from={boxesById.get(layout.boxOfComponent.get(step.from) ?? '')} to={boxesById.get(layout.boxOfComponent.get(step.to) ?? '')} path={flowEdge ? edgePath(flowEdge) : undefined} reversed={flowReversed} /> : null}
              </g>
            </svg>
          </div>
          <div ref={shieldRef} aria-hidden="true" className="pointer-events-none absolute inset-0" />
        </div>
        {tooltip && !flow ? <DiagramTooltip info={tooltip} top={tooltipTop} /> : null}
        {panel}
      </div>
      {/* The walkthrough takes the legend's place under the picture, so it never hides a hop. */}
      {flow && !findings ? (
        <p role="status" className="border-t border-sky-200 bg-sky-50/60 px-4 py-3 text-sm dark:border-sky-900 dark:bg-sky-950/30">
          Loading the findings for the walkthrough…
        </p>
      ) : flow ? (
        <RequestFlowPanel
          steps={steps}
          index={flow.index}
          playing={flow.playing}
          onIndex={(index) => setFlow((f) => (f ? { ...f, index } : f))}
          onPlaying={(playing) => setFlow((f) => (f ? { index: playing && f.index + 1 === steps.length ? 0 : f.index, playing } : f))}
          onClose={() => setFlow(null)}
          labelOf={labelOf}
        />
      ) : (
        <DiagramLegend />
      )}
    </div>
  );
}

/** A dot travelling along the current hop (or a straight dashed line when the model has no edge). */
function FlowTracer({ from, to, path, reversed }: { from?: LayoutBox; to?: LayoutBox; path?: string; reversed: boolean }) {
  if (!from || !to) return null;
  const d = path ?? `M${from.x + from.width / 2},${from.y + from.height / 2}L${to.x + to.width / 2},${to.y + to.height / 2}`;
  return (
    <g aria-hidden="true" className="pointer-events-none">
      {path ? null : <path d={d} fill="none" strokeWidth={2.5} strokeDasharray="6 4" className="stroke-sky-500" />}
      <circle r={7} className="fill-sky-500 stroke-white dark:stroke-zinc-900" strokeWidth={2}>
        <animateMotion dur="1.6s" repeatCount="indefinite" path={d} keyPoints={reversed ? '1;0' : '0;1'} keyTimes="0;1" calcMode="linear" />
      </circle>
    </g>
  );
}
