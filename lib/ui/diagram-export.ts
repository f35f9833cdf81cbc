/**
 * Exporting the architecture diagram as a picture (SVG, PNG): file names, the title line, and
 * where the title, the diagram and the legend sit in the file. Pure; the DOM work is in
 * diagram-export-dom.ts, the style rules in diagram-export-style.ts.
 *
 * The picture is the whole diagram (not the current zoom) as it is drawn at natural size:
 * expanded node groups, filter dimming and connection labels included, the focus and selection
 * rings and the walkthrough's moving dot left out.
 */
import { AREA_TITLES } from '../checks/types';
import type { DiagramFilter } from './diagram-filter';
import { EDGE_PROTECTIONS, type EdgeProtection, PROTECTION_TEXT } from './edge-style';
import { formatTimestamp } from './format';
import { HEALTH_LEVELS, HEALTH_TEXT, type Health } from './status';

export type ExportFormat = 'svg' | 'png';
/** Light by default: what people paste into documents and slides. */
export type ExportTheme = 'light' | 'dark';

/** Where the diagram on screen comes from; said in the title line. */
export type Provenance = { kind: 'live' } | { kind: 'sample' } | { kind: 'snapshot'; id: string };

/** From the path the page's overview links go to (PathsContext): `/s/<id>`, `/sample`, or a cluster's. */
export function provenanceOf(overviewPath: string): Provenance {
  const path = overviewPath.split(/[?#]/)[0] ?? '';
  if (path === '/sample') return { kind: 'sample' };
  const snapshot = /^\/s\/([^/]+)$/.exec(path);
  return snapshot?.[1] ? { kind: 'snapshot', id: decodeURIComponent(snapshot[1]) } : { kind: 'live' };
}

/**
 * A snapshot id is the capability its share link grants, and pictures travel further than links:
 * the title names the snapshot by its first characters, which tell snapshots apart but open nothing.
 */
export function shortSnapshotId(id: string): string {
  return id.length > 8 ? `${id.slice(0, 6)}…` : id;
}

/**
 * Context names become part of a file name: `arn:aws:eks:eu-west-1:1234:cluster/prod` →
 * `arn-aws-eks-eu-west-1-1234-cluster-prod`. Letters, digits, `.`, `_` and `-` only, no leading
 * dot or dash, at most 64 characters.
 */
export function sanitizeForFilename(name: string): string {
  const safe = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 64)
    .replace(/[-.]+$/, '');
  return safe || 'cluster';
}

/** `yyyy-mm-dd` (UTC) of the scan, or of `now` when the scan time is missing or unreadable. */
export function isoDay(iso: string | undefined, now: Date = new Date()): string {
  const d = iso ? new Date(iso) : now;
  return (Number.isNaN(d.getTime()) ? now : d).toISOString().slice(0, 10);
}

/** `kube-posture-<context>-<yyyy-mm-dd>.<ext>`, dated by the scan the picture shows. */
export function exportFileName(context: string, collectedAt: string | undefined, format: ExportFormat, now?: Date): string {
  return `kube-posture-${sanitizeForFilename(context)}-${isoDay(collectedAt, now)}.${format}`;
}

const SEVERITY_WORDS: Record<NonNullable<DiagramFilter['minSeverity']>, string> = {
  critical: 'critical only',
  high: 'high and above',
  medium: 'medium and above',
  low: 'low and above',
  info: 'any severity',
};

/** The active filter in words, for the title line: a dimmed picture should say why. */
export function describeFilter(filter: DiagramFilter): string | undefined {
  const parts: string[] = [];
  if (filter.area) parts.push(AREA_TITLES[filter.area]);
  if (filter.minSeverity) parts.push(SEVERITY_WORDS[filter.minSeverity]);
  const q = filter.query?.trim();
  if (q) parts.push(`“${q}”`);
  return parts.length ? `filtered: ${parts.join(', ')}` : undefined;
}

export interface ExportTitle {
  /** The cluster context, drawn bold. */
  heading: string;
  /** `sample · scanned 2026-05-01 10:20 UTC · filtered: … · kube-posture` */
  detail: string;
}

export function exportTitle(opts: { context: string; collectedAt?: string; provenance: Provenance; filter?: DiagramFilter }): ExportTitle {
  const { provenance } = opts;
  const parts: string[] = [];
  if (provenance.kind === 'sample') parts.push('sample');
  if (provenance.kind === 'snapshot') parts.push(`snapshot ${shortSnapshotId(provenance.id)}`);
  const when = formatTimestamp(opts.collectedAt);
  if (when) parts.push(`scanned ${when}`);
  const filter = opts.filter ? describeFilter(opts.filter) : undefined;
  if (filter) parts.push(filter);
  parts.push('kube-posture');
  return { heading: opts.context, detail: parts.join(' · ') };
}

export type LegendItem = { kind: 'health'; key: Health; label: string } | { kind: 'edge'; key: EdgeProtection; label: string };

/** The same legend as under the diagram on screen: status shapes, then connection styles. */
export const LEGEND_ITEMS: readonly LegendItem[] = [
  ...HEALTH_LEVELS.map((key): LegendItem => ({ kind: 'health', key, label: HEALTH_TEXT[key] })),
  ...EDGE_PROTECTIONS.map((key): LegendItem => ({ kind: 'edge', key, label: PROTECTION_TEXT[key] })),
];

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedLegendItem {
  item: LegendItem;
  x: number;
  /** Vertical middle of the row. */
  y: number;
}

export interface ExportLayout {
  width: number;
  height: number;
  heading: { x: number; y: number; fontSize: number };
  detail: { x: number; y: number; fontSize: number };
  /** Translation that puts the diagram's own coordinates into the file's. */
  diagram: { dx: number; dy: number };
  legend: { fontSize: number; items: PlacedLegendItem[] };
}

const PAD = 20;
const HEADING_SIZE = 16;
const DETAIL_SIZE = 12;
const LEGEND_SIZE = 11;
const LEGEND_ROW = 20;
const ITEM_GAP = 16;
const GROUP_GAP = 28;
/** Glyph (14) or line sample (28), and the space before the words. */
export const LEGEND_MARK = { health: 14, edge: 28, gap: 5 } as const;
const NARROW = new Set(" .,:;'|!ijl·");
const SLIM = new Set('frtI()[]-/"');
const SMALL = new Set('cksz');
const WIDE = new Set('mwMW');

/**
 * Width of a line of text, estimated from per-character classes with the advance widths of
 * DejaVu Sans, the widest common default sans-serif: the picture is drawn by whatever font
 * the viewer has, and an estimate too wide only adds margin, one too narrow would overlap.
 */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const ch of text) {
    if (NARROW.has(ch)) em += 0.32;
    else if (SLIM.has(ch)) em += 0.4;
    else if (SMALL.has(ch)) em += 0.56;
    else if (WIDE.has(ch)) em += 0.98;
    else if (ch >= 'A' && ch <= 'Z') em += 0.74;
    else if (ch.charCodeAt(0) < 0x80) em += 0.64;
    else em += 1;
  }
  return em * fontSize * (bold ? 1.08 : 1);
}

const itemWidth = (item: LegendItem): number => LEGEND_MARK[item.kind] + LEGEND_MARK.gap + textWidth(item.label, LEGEND_SIZE);

/**
 * Legend items in rows no wider than `maxWidth`. All on one row when they fit; otherwise each
 * group (status shapes, connection styles) starts a row of its own, wrapping inside if it must.
 */
export function layoutLegend(items: readonly LegendItem[], maxWidth: number, top: number): { items: PlacedLegendItem[]; height: number } {
  const gapBefore = (item: LegendItem, prev: LegendItem | undefined): number => (!prev ? 0 : prev.kind === item.kind ? ITEM_GAP : GROUP_GAP);
  const oneRow = items.reduce((w, item, i) => w + gapBefore(item, items[i - 1]) + itemWidth(item), 0) <= maxWidth;
  const placed: PlacedLegendItem[] = [];
  let x = 0;
  let row = 0;
  let prev: LegendItem | undefined;
  for (const item of items) {
    const w = itemWidth(item);
    const gap = gapBefore(item, prev);
    if (prev && ((!oneRow && prev.kind !== item.kind) || x + gap + w > maxWidth)) {
      row += 1;
      x = 0;
    } else {
      x += gap;
    }
    placed.push({ item, x: PAD + x, y: top + row * LEGEND_ROW + LEGEND_ROW / 2 });
    x += w;
    prev = item;
  }
  return { items: placed, height: placed.length ? (row + 1) * LEGEND_ROW : 0 };
}

/**
 * The file's frame: title (two lines) at the top, the whole diagram (its bounding box, whatever
 * the zoom on screen), the legend underneath. The diagram is centred when the title or legend is wider.
 */
export function exportLayout(bounds: Bounds, title: ExportTitle, items: readonly LegendItem[] = LEGEND_ITEMS): ExportLayout {
  const content = Math.ceil(Math.max(bounds.width, textWidth(title.heading, HEADING_SIZE, true), textWidth(title.detail, DETAIL_SIZE), 560));
  const headingY = PAD + HEADING_SIZE;
  const detailY = headingY + 20;
  const diagramTop = detailY + 16;
  const legendTop = diagramTop + bounds.height + 16;
  const legend = layoutLegend(items, content, legendTop);
  return {
    width: content + 2 * PAD,
    height: Math.ceil(legendTop + legend.height + PAD),
    heading: { x: PAD, y: headingY, fontSize: HEADING_SIZE },
    detail: { x: PAD, y: detailY, fontSize: DETAIL_SIZE },
    diagram: { dx: PAD + (content - bounds.width) / 2 - bounds.x, dy: diagramTop - bounds.y },
    legend: { fontSize: LEGEND_SIZE, items: legend.items },
  };
}

/** Canvas limits (Chromium: 16384 px a side; memory: 64 Mpx is 256 MB of pixels). */
const MAX_SIDE = 16384;
const MAX_PIXELS = 64e6;

/** 2× for sharp text on high-density screens and in documents, less only when the canvas would not fit. */
export function pngScale(width: number, height: number, wanted = 2): number {
  if (width <= 0 || height <= 0) return wanted;
  return Math.min(wanted, MAX_SIDE / width, MAX_SIDE / height, Math.sqrt(MAX_PIXELS / (width * height)));
}
