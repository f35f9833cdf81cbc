/**
 * The few words drawn on a connection: what protects it, in the legend's terms (TLS first, then
 * authentication), and where they go without covering boxes or each other. The full sentence
 * stays in the edge's <title> and the component panel.
 */
import { SIZES, type LayoutBox, type LayoutEdge } from '@/lib/layout/types';
import type { AuthState, Edge, TlsState } from '@/lib/model/architecture';
import { type EdgeProtection, edgeProtection } from '@/lib/ui/edge-style';

const TLS_WORDS: Record<TlsState, string> = {
  verified: 'TLS',
  unverified: 'TLS unverified',
  none: 'plaintext',
  unknown: 'TLS unknown',
};

const AUTH_WORDS: Record<AuthState, string> = {
  'client-cert': 'client cert',
  token: 'token',
  'anonymous-allowed': 'anonymous',
  none: 'no auth',
  unknown: 'auth unknown',
};

/** `TLS + client cert`, `plaintext + no auth`, `TLS unverified + anonymous`, `local socket`. */
export function edgeShortLabel(e: Pick<Edge, 'tls' | 'auth' | 'protocol'>): string {
  if (e.protocol === 'unix') return 'local socket';
  return `${TLS_WORDS[e.tls]} + ${AUTH_WORDS[e.auth]}`;
}

/** Zoom at or above which every connection shows its words (at fit, only hovered ones do). */
export const EDGE_LABEL_ZOOM = 0.95;

export interface LabelSpot {
  x: number;
  y: number;
  /** Drawn when every label is on (zoomed in): false when it would cover a box or another label. */
  free: boolean;
}

type Pt = { x: number; y: number };
type Rect = { x: number; y: number; width: number; height: number };

/** The point at `t` of the curve edgePath() draws (d3's link: a cubic with its handles at mid-chord). */
export function pointOnEdge(e: Pick<LayoutEdge, 'source' | 'target' | 'orientation'>, t: number): Pt {
  const { source: s, target: g } = e;
  const c1 = e.orientation === 'vertical' ? { x: s.x, y: (s.y + g.y) / 2 } : { x: (s.x + g.x) / 2, y: s.y };
  const c2 = e.orientation === 'vertical' ? { x: g.x, y: (s.y + g.y) / 2 } : { x: (s.x + g.x) / 2, y: g.y };
  const u = 1 - t;
  const at = (a: number, b: number, c: number, d: number) => u * u * u * a + 3 * u * u * t * b + 3 * u * t * t * c + t * t * t * d;
  return { x: at(s.x, c1.x, c2.x, g.x), y: at(s.y, c1.y, c2.y, g.y) };
}

const LABEL_HEIGHT = 14;
/** An 11 px label's width, generously (no text measuring in a pure function). */
export const labelWidth = (text: string) => text.length * 6.2 + 6;
/** Where along an edge a label may go, best first. */
const SPOTS = [0.5, 0.38, 0.62, 0.28, 0.72];
const PRIORITY: Record<EdgeProtection, number> = { exposed: 0, unverified: 1, secure: 2, local: 3 };
const CELL = 128;

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Rectangles in a coarse grid, so a check looks at the few nearby ones only. */
class Grid {
  private readonly cells = new Map<string, Rect[]>();
  private keys(r: Rect): string[] {
    const out: string[] = [];
    for (let cx = Math.floor(r.x / CELL); cx <= Math.floor((r.x + r.width) / CELL); cx++) {
      for (let cy = Math.floor(r.y / CELL); cy <= Math.floor((r.y + r.height) / CELL); cy++) out.push(`${cx},${cy}`);
    }
    return out;
  }
  add(r: Rect): void {
    for (const k of this.keys(r)) {
      const list = this.cells.get(k);
      if (list) list.push(r);
      else this.cells.set(k, [r]);
    }
  }
  hits(r: Rect): boolean {
    return this.keys(r).some((k) => this.cells.get(k)?.some((o) => overlaps(o, r)));
  }
}

/** What a label must not cover: boxes, and the titles of layers and frames. */
function obstacle(b: LayoutBox): Rect {
  if (b.kind === 'band') return { x: b.x, y: b.y, width: 24 + b.label.length * 9, height: SIZES.bandTitle };
  if (b.kind === 'frame') return { x: b.x, y: b.y, width: b.width, height: SIZES.frameTitle };
  return { x: b.x - 2, y: b.y - 2, width: b.width + 4, height: b.height + 4 };
}

/**
 * Where each edge's label goes: the middle of the curve, or a little either side of it when the
 * middle is taken by a box, a title or an earlier label. The worst-protected connections are
 * placed first. Equal words on lines leaving (or reaching) the same box are placed once: the
 * line style says the rest. A label left without a spot keeps the middle and shows only while
 * its own line is hovered.
 */
export function placeEdgeLabels(edges: readonly LayoutEdge[], boxes: readonly LayoutBox[]): Map<string, LabelSpot> {
  const taken = new Grid();
  for (const b of boxes) taken.add(obstacle(b));
  const said = new Set<string>();
  const order = [...edges].sort((a, b) => PRIORITY[edgeProtection(a)] - PRIORITY[edgeProtection(b)] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const out = new Map<string, LabelSpot>();
  for (const e of order) {
    const text = edgeShortLabel(e);
    if (said.has(`${e.from}>${text}`) || said.has(`${text}>${e.to}`)) {
      out.set(e.id, { ...pointOnEdge(e, 0.5), free: false });
      continue;
    }
    const w = labelWidth(text);
    const rectAt = (p: Pt): Rect => ({ x: p.x - w / 2, y: p.y - LABEL_HEIGHT / 2, width: w, height: LABEL_HEIGHT });
    let spot: LabelSpot | undefined;
    for (const t of SPOTS) {
      const p = pointOnEdge(e, t);
      const r = rectAt(p);
      if (!taken.hits(r)) {
        taken.add(r);
        said.add(`${e.from}>${text}`);
        said.add(`${text}>${e.to}`);
        spot = { ...p, free: true };
        break;
      }
    }
    out.set(e.id, spot ?? { ...pointOnEdge(e, 0.5), free: false });
  }
  return out;
}
