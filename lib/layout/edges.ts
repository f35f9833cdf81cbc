/**
 * Edge routes. Each Architecture edge is mapped to the boxes that show its ends (a collapsed group
 * stands in for its nodes), lines with the same ends and the same protection are merged (so a
 * collapsed pool of 2,000 kubelets is one line, not 2,000), and the end points are spread along
 * the side of each box so lines in opposite directions never sit on top of each other.
 */
import type { Edge } from '../model/architecture';
import { naturalCompare } from './block';
import type { LayoutBox, LayoutEdge, Point } from './types';

type Side = 'top' | 'bottom' | 'left' | 'right';

interface Draft extends Omit<LayoutEdge, 'source' | 'target' | 'orientation'> {
  fromSide: Side;
  toSide: Side;
}

function sides(a: LayoutBox, b: LayoutBox): [Side, Side] {
  if (b.y >= a.y + a.height) return ['bottom', 'top'];
  if (a.y >= b.y + b.height) return ['top', 'bottom'];
  return b.x >= a.x + a.width / 2 ? ['right', 'left'] : ['left', 'right'];
}

function centre(b: LayoutBox): Point {
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
}

/** Where along `side` the i-th of n attachments goes: spread over the middle 80% of the side. */
function attach(box: LayoutBox, side: Side, i: number, n: number): Point {
  const t = (i + 1) / (n + 1);
  const along = (len: number) => len * 0.1 + len * 0.8 * t;
  switch (side) {
    case 'top':
      return { x: Math.round(box.x + along(box.width)), y: box.y };
    case 'bottom':
      return { x: Math.round(box.x + along(box.width)), y: box.y + box.height };
    case 'left':
      return { x: box.x, y: Math.round(box.y + along(box.height)) };
    case 'right':
      return { x: box.x + box.width, y: Math.round(box.y + along(box.height)) };
  }
}

export function routeEdges(edges: readonly Edge[], boxes: ReadonlyMap<string, LayoutBox>, boxOfComponent: ReadonlyMap<string, string>): LayoutEdge[] {
  const merged = new Map<string, Draft>();
  for (const e of edges) {
    const from = boxOfComponent.get(e.from);
    const to = boxOfComponent.get(e.to);
    if (!from || !to || from === to) continue;
    const key = `${from}|${to}|${e.kind}|${e.tls}|${e.auth}`;
    const existing = merged.get(key);
    if (existing) {
      existing.edgeIds.push(e.id);
      continue;
    }
    const a = boxes.get(from);
    const b = boxes.get(to);
    if (!a || !b) continue;
    const [fromSide, toSide] = sides(a, b);
    const draft: Draft = { id: key, from, to, edgeIds: [e.id], kind: e.kind, tls: e.tls, auth: e.auth, label: e.label, fromSide, toSide };
    if (e.protocol) draft.protocol = e.protocol;
    merged.set(key, draft);
  }

  const drafts = [...merged.values()].sort((x, y) => naturalCompare(x.id, y.id));
  // Collect every attachment per box side, then order them by where the other end is, so lines
  // leave a side in the same order as their targets and do not cross right at the box.
  const slots = new Map<string, { draft: Draft; end: 'from' | 'to'; other: Point }[]>();
  for (const d of drafts) {
    const fromBox = boxes.get(d.from);
    const toBox = boxes.get(d.to);
    if (!fromBox || !toBox) continue;
    for (const [end, boxId, side, other] of [
      ['from', d.from, d.fromSide, centre(toBox)],
      ['to', d.to, d.toSide, centre(fromBox)],
    ] as const) {
      const key = `${boxId}|${side}`;
      const list = slots.get(key);
      const slot = { draft: d, end, other };
      if (list) list.push(slot);
      else slots.set(key, [slot]);
    }
  }

  const points = new Map<Draft, { source?: Point; target?: Point }>();
  for (const [key, list] of slots) {
    const [boxId, side] = key.split('|') as [string, Side];
    const box = boxes.get(boxId);
    if (!box) continue;
    const horizontalSide = side === 'top' || side === 'bottom';
    list.sort((p, q) => (horizontalSide ? p.other.x - q.other.x : p.other.y - q.other.y) || naturalCompare(p.draft.id, q.draft.id) || (p.end < q.end ? -1 : 1));
    list.forEach((slot, i) => {
      const at = attach(box, side, i, list.length);
      const entry = points.get(slot.draft) ?? {};
      if (slot.end === 'from') entry.source = at;
      else entry.target = at;
      points.set(slot.draft, entry);
    });
  }

  const out: LayoutEdge[] = [];
  for (const d of drafts) {
    const p = points.get(d);
    if (!p?.source || !p.target) continue;
    const edge: LayoutEdge = {
      id: d.id,
      from: d.from,
      to: d.to,
      edgeIds: d.edgeIds,
      kind: d.kind,
      tls: d.tls,
      auth: d.auth,
      label: d.label,
      source: p.source,
      target: p.target,
      orientation: d.fromSide === 'top' || d.fromSide === 'bottom' ? 'vertical' : 'horizontal',
    };
    if (d.protocol) edge.protocol = d.protocol;
    out.push(edge);
  }
  return out;
}
