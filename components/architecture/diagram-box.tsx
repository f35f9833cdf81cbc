'use client';
/**
 * One box of the diagram. Everything here is drawn from the layout's numbers; nothing is
 * measured. Interactive boxes carry `data-box-id` so the canvas handles clicks and keys once for
 * all of them (event delegation) instead of binding thousands of handlers.
 */
import { memo } from 'react';
import { StatusGlyph } from '@/components/ui/status-icon';
import type { Component } from '@/lib/model/architecture';
import type { LayoutBox } from '@/lib/layout/types';
import { TYPE_TITLES } from '@/lib/ui/component-names';
import { formatCount } from '@/lib/ui/format';
import { HEALTH_STYLE } from '@/lib/ui/health-style';
import { type ComponentStatus, openCount } from '@/lib/ui/status';
import { fitText } from '@/lib/ui/text-fit';
import { cn } from '@/lib/utils/cn';

export interface BoxViewProps {
  box: LayoutBox;
  component?: Component;
  status: ComponentStatus;
  ariaLabel: string;
  dimmed: boolean;
  selected: boolean;
  highlighted: boolean;
  tabbable: boolean;
  expanded?: boolean;
}

const SURFACE = 'fill-white dark:fill-zinc-900';
const MUTED_TEXT = 'fill-zinc-500 dark:fill-zinc-400';
const TEXT = 'fill-zinc-900 dark:fill-zinc-50';

/** The open-findings count in a pill, coloured like the status; hidden when zero. */
function badgeWidth(status: ComponentStatus): number {
  const n = openCount(status);
  return n === 0 ? 0 : 10 + formatCount(n).length * 7.5;
}

/** Room a title leaves on its right: the badge and a gap, so names never touch it. */
function titleGap(status: ComponentStatus): number {
  const w = badgeWidth(status);
  return w === 0 ? 0 : w + 6;
}

function CountBadge({ status, x, y }: { status: ComponentStatus; x: number; y: number }) {
  const n = openCount(status);
  if (n === 0) return null;
  const text = formatCount(n);
  const w = badgeWidth(status);
  return (
    // Absolute coordinates, no transform: each SVG transform is a paint property node of its own,
    // and thousands of them made every frame of an expanded 5,000-node picture slower.
    <g aria-hidden="true">
      <rect x={x - w} y={y} width={w} height={18} rx={9} className={HEALTH_STYLE[status.health].fill} />
      <text x={x - w / 2} y={y + 13} textAnchor="middle" className="fill-white text-[11.5px] font-semibold dark:fill-zinc-950">
        {text}
      </text>
    </g>
  );
}

/**
 * Cloud node names are FQDNs (`ip-10-0-1-20.eu-west-1.compute.internal`); the host part is what
 * tells nodes apart, so it is what a narrow box shows. The full name is in the label and tooltip.
 */
function nodeTitle(name: string, maxWidth: number, fontSize: number): string {
  const fitted = fitText(name, maxWidth, fontSize, 'semibold');
  if (fitted === name || !name.includes('.')) return fitted;
  return fitText(name.split('.')[0] ?? name, maxWidth, fontSize, 'semibold');
}

function shortName(box: LayoutBox, c: Component | undefined): { title: string; subtitle: string } {
  if (!c) return { title: box.label, subtitle: '' };
  switch (c.type) {
    case 'clients':
      return { title: 'API clients', subtitle: 'kubectl, CI, operators' };
    case 'cluster':
      return { title: 'Cluster-wide', subtitle: 'RBAC and namespaces' };
    case 'provider-managed':
      return { title: c.name, subtitle: 'API server, etcd, scheduler, controllers: run by the provider' };
    case 'kube-apiserver':
    case 'etcd':
    case 'kube-scheduler':
    case 'kube-controller-manager':
    case 'cloud-controller-manager':
      return { title: c.type, subtitle: c.version ? `${TYPE_TITLES[c.type]} · ${c.version}` : TYPE_TITLES[c.type] };
    default:
      return { title: c.name, subtitle: TYPE_TITLES[c.type] };
  }
}

/** A group's or instance's frame: drawn under the edges. Its title is drawn over them (FrameTitle). */
function Frame({ box }: { box: LayoutBox }) {
  return <rect x={box.x} y={box.y} width={box.width} height={box.height} rx={10} strokeDasharray="4 3" className="fill-zinc-50/70 stroke-zinc-300 dark:fill-zinc-900/40 dark:stroke-zinc-700" />;
}

/**
 * A frame's title and its collapse button, drawn after the edges: edges from the nodes to the
 * control plane leave through the top of the frame, across its title. A halo in the frame's
 * colour (stroke painted under the glyphs) keeps the words readable where a line passes.
 */
function FrameTitle({ box, expanded }: { box: LayoutBox; expanded?: boolean }) {
  const isGroup = Boolean(box.groupId);
  const label = isGroup ? `${box.label} · ${formatCount(box.nodeCount ?? 0)} node${box.nodeCount === 1 ? '' : 's'}` : box.label;
  return (
    <g>
      <text x={box.x + 12} y={box.y + 17} paintOrder="stroke" strokeWidth={4} strokeLinejoin="round" className={cn('pointer-events-none stroke-zinc-50 text-[12px] font-medium dark:stroke-zinc-900', MUTED_TEXT)}>
        {fitText(label, box.width - (expanded ? 90 : 24), 12)}
      </text>
      {expanded ? (
        <g data-box-id={box.groupId} data-action="collapse" role="button" aria-label={`Collapse ${box.label}`} tabIndex={-1} className="cursor-pointer">
          <rect x={box.x + box.width - 84} y={box.y + 3} width={72} height={20} rx={5} className="fill-white stroke-zinc-300 dark:fill-zinc-800 dark:stroke-zinc-600" />
          <text x={box.x + box.width - 48} y={box.y + 17} textAnchor="middle" className={cn('text-[11.5px]', TEXT)}>
            − Collapse
          </text>
        </g>
      ) : null}
    </g>
  );
}

function FocusRing({ box, selected }: { box: LayoutBox; selected: boolean }) {
  return (
    <rect
      x={box.x - 4}
      y={box.y - 4}
      width={box.width + 8}
      height={box.height + 8}
      rx={12}
      fill="none"
      strokeWidth={selected ? 3 : 2.5}
      className={cn('kp-focus-ring pointer-events-none', selected ? 'stroke-sky-600 dark:stroke-sky-400' : 'stroke-sky-500 opacity-0')}
    />
  );
}

function BoxViewImpl({ box, component, status, ariaLabel, dimmed, selected, highlighted, tabbable }: BoxViewProps) {
  if (box.kind === 'band') {
    return (
      <g>
        {/* Dark: a step lighter than the page, as light mode's band is a step darker, so the layers read as layers. */}
        <rect x={box.x} y={box.y} width={box.width} height={box.height} className="fill-zinc-100/80 dark:fill-zinc-800/40" />
        <text x={box.x + 20} y={box.y + 22} className="fill-zinc-600 text-[13px] font-semibold tracking-wider uppercase dark:fill-zinc-400">
          {box.label}
        </text>
      </g>
    );
  }

  const style = HEALTH_STYLE[status.health];
  const outline = cn(SURFACE, style.stroke, highlighted && 'stroke-sky-500 dark:stroke-sky-400');
  const strokeWidth = highlighted ? 3 : status.health === 'none' ? 1.2 : 2;
  const rx = box.kind === 'node-part' ? 6 : box.kind === 'node-compact' ? 7 : box.kind === 'group' ? 10 : 9;

  // The interactive element holds only shapes; its name is the aria-label. The words drawn on the
  // box sit in a separate, pointer-transparent layer on top, so what a screen reader hears is
  // exactly the label (with the status), never a mix of label and loose box text.
  const shape = (
    <g
      data-box-id={box.id}
      role="button"
      tabIndex={tabbable ? 0 : -1}
      aria-label={ariaLabel}
      aria-current={selected ? 'true' : undefined}
      aria-expanded={box.kind === 'group' ? false : undefined}
      data-health={status.health}
      data-dimmed={dimmed ? 'true' : undefined}
      className="kp-box cursor-pointer outline-none"
    >
      <FocusRing box={box} selected={selected} />
      {box.kind === 'group' ? <rect x={box.x + 6} y={box.y - 5} width={box.width - 12} height={6} rx={3} className="fill-zinc-200 dark:fill-zinc-700" /> : null}
      <rect x={box.x} y={box.y} width={box.width} height={box.height} rx={rx} strokeWidth={strokeWidth} className={outline} />
    </g>
  );

  return (
    <g className={cn('transition-opacity', dimmed && 'opacity-25')}>
      {shape}
      <g aria-hidden="true" className="pointer-events-none">
        <BoxContent box={box} component={component} status={status} />
      </g>
    </g>
  );
}

/** The words and marks drawn on a box: status shape, name, second line, open-findings badge. */
function BoxContent({ box, component, status }: { box: LayoutBox; component?: Component; status: ComponentStatus }) {
  if (box.kind === 'node-part') {
    const title = component?.type === 'container-runtime' ? component.name : box.label;
    return (
      <>
        <StatusGlyph health={status.health} x={box.x + 6} y={box.y + 6} size={14} />
        <text x={box.x + 24} y={box.y + 18} className={cn('text-[12px] font-medium', TEXT)}>
          {openCount(status) > 0 ? formatCount(openCount(status)) : ''}
        </text>
        <text x={box.x + box.width / 2} y={box.y + 40} textAnchor="middle" className={cn('text-[12px]', TEXT)}>
          {fitText(title, box.width - 8, 12)}
        </text>
      </>
    );
  }

  if (box.kind === 'node') {
    const facts = component?.facts ?? {};
    const role = facts['role'] === 'control-plane' ? 'control plane' : 'worker';
    const pods = typeof facts['pods'] === 'number' ? `${formatCount(facts['pods'])} pod${facts['pods'] === 1 ? '' : 's'}` : 'pods unknown';
    const ready = facts['ready'] === false ? ' · NotReady' : '';
    return (
      <>
        <StatusGlyph health={status.health} x={box.x + 10} y={box.y + 9} size={17} />
        <text x={box.x + 34} y={box.y + 23} className={cn('text-[14px] font-semibold', TEXT)}>
          {nodeTitle(box.label, box.width - 48 - titleGap(status), 14)}
        </text>
        <CountBadge status={status} x={box.x + box.width - 10} y={box.y + 9} />
        <text x={box.x + 34} y={box.y + 41} className={cn('text-[12px]', MUTED_TEXT)}>
          {fitText(`${role} · ${pods}${ready}`, box.width - 44, 12)}
        </text>
      </>
    );
  }

  if (box.kind === 'node-compact') {
    return (
      <>
        <StatusGlyph health={status.health} x={box.x + 9} y={box.y + 13} size={17} />
        <text x={box.x + 32} y={box.y + 27} className={cn('text-[13px] font-medium', TEXT)}>
          {nodeTitle(box.label, box.width - 44 - titleGap(status), 13)}
        </text>
        <CountBadge status={status} x={box.x + box.width - 8} y={box.y + 13} />
      </>
    );
  }

  if (box.kind === 'group') {
    // `pool: compute / zone: zone-a`: the pool on the first line and the zone on the second, or a
    // row of groups reads `pool: compute / zone: …` three times over.
    const [head = box.label, ...rest] = box.label.split(' / ');
    const nodes = `${formatCount(box.nodeCount ?? 0)} nodes`;
    return (
      <>
        <StatusGlyph health={status.health} x={box.x + 12} y={box.y + 12} size={18} />
        <text x={box.x + 38} y={box.y + 27} className={cn('text-[14px] font-semibold', TEXT)}>
          {fitText(head, box.width - 52 - titleGap(status), 14, 'semibold')}
        </text>
        <CountBadge status={status} x={box.x + box.width - 10} y={box.y + 12} />
        <text x={box.x + 38} y={box.y + 50} className={cn('text-[12.5px]', MUTED_TEXT)}>
          {fitText(rest.length > 0 ? `${rest.join(' / ')} · ${nodes}` : nodes, box.width - 48, 12.5)}
        </text>
        <text x={box.x + 38} y={box.y + 74} className="fill-sky-700 text-[12.5px] font-medium dark:fill-sky-400">
          + Expand
        </text>
      </>
    );
  }

  // Control-plane components, add-ons, clients, cluster-wide settings.
  const { title, subtitle } = shortName(box, component);
  return (
    <>
      <StatusGlyph health={status.health} x={box.x + 10} y={box.y + box.height / 2 - 9} size={18} />
      <text x={box.x + 36} y={box.y + box.height / 2 - 3} className={cn('text-[14px] font-semibold', TEXT)}>
        {fitText(title, box.width - 44 - titleGap(status), 14, 'semibold')}
      </text>
      <text x={box.x + 36} y={box.y + box.height / 2 + 14} className={cn('text-[12px]', MUTED_TEXT)}>
        {fitText(subtitle, box.width - 44, 12)}
      </text>
      <CountBadge status={status} x={box.x + box.width - 8} y={box.y + 8} />
    </>
  );
}

export const BoxView = memo(BoxViewImpl);
export { Frame, FrameTitle };
