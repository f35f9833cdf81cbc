/**
 * The architecture diagram's layout: a pure, deterministic function from an Architecture to box
 * positions and edge routes. Same cluster in, same picture out: components are sorted by id and
 * name before placement and no randomness or live simulation is involved, so nothing jumps when a
 * scan is refreshed (DESIGN.md "The diagram").
 *
 * Layers, top to bottom: clients → control plane → nodes → add-ons. Each layer is a band across
 * the full width; its content is centred in it.
 */
import type { Architecture, Component, Layer } from '../model/architecture';
import { type Block, flow, naturalCompare, place } from './block';
import { layoutControlPlane } from './control-plane';
import { routeEdges } from './edges';
import { layoutNodes } from './nodes';
import { SIZES, type ArchitectureLayout, type LayoutBox, type LayoutOptions } from './types';

export type { ArchitectureLayout, LayoutBox, LayoutEdge, LayoutOptions } from './types';

export const DEFAULT_AGGREGATE_ABOVE = 300;
// Wide rather than tall: screens are landscape, and four node groups fit on one row.
const MIN_CONTENT_WIDTH = 1300;

const BAND_TITLES: Record<Layer, string> = {
  clients: 'Clients',
  'control-plane': 'Control plane',
  nodes: 'Nodes',
  addons: 'Add-ons',
};

interface Sorted {
  clients: Component[];
  clusterWide: Component[];
  controlPlane: Component[];
  nodes: Component[];
  partsOf: Map<string, Component[]>;
  addons: Component[];
}

/** Every component lands in exactly one bucket; anything unexpected goes to add-ons, never away. */
function sortComponents(arch: Architecture): Sorted {
  const all = [...arch.components].sort((a, b) => naturalCompare(a.id, b.id));
  const nodeIds = new Set(all.filter((c) => c.type === 'node').map((c) => c.id));
  const out: Sorted = { clients: [], clusterWide: [], controlPlane: [], nodes: [], partsOf: new Map(), addons: [] };
  for (const c of all) {
    if (c.type === 'clients') out.clients.push(c);
    else if (c.type === 'cluster') out.clusterWide.push(c);
    else if (c.type === 'node') out.nodes.push(c);
    else if (c.parentId && nodeIds.has(c.parentId)) {
      const list = out.partsOf.get(c.parentId);
      if (list) list.push(c);
      else out.partsOf.set(c.parentId, [c]);
    } else if (c.layer === 'control-plane') out.controlPlane.push(c);
    else out.addons.push(c);
  }
  return out;
}

function simpleBox(c: Component, layer: Layer): LayoutBox {
  const { width, height } = SIZES.component;
  return { id: c.id, kind: 'component', x: 0, y: 0, width, height, label: c.name, componentId: c.id, members: [c.id], layer };
}

function row(components: readonly Component[], layer: Layer, maxWidth: number): Block {
  return flow(
    components.map((c) => {
      const b = simpleBox(c, layer);
      return { width: b.width, height: b.height, boxes: [b] };
    }),
    maxWidth,
    SIZES.gap,
  );
}

/** Roughly the width that makes the nodes band about twice as wide as it is tall. */
function targetWidth(s: Sorted, aggregated: boolean, expanded: ReadonlySet<string>, arch: Architecture): number {
  let area: number;
  if (!aggregated) {
    area = s.nodes.length * (SIZES.node.width + SIZES.gap) * (SIZES.node.height + SIZES.gap);
  } else {
    const expandedNodes = arch.nodeGroups.filter((g) => expanded.has(g.id)).reduce((n, g) => n + g.nodeNames.length, 0);
    area =
      expandedNodes * (SIZES.nodeCompact.width + SIZES.compactGap) * (SIZES.nodeCompact.height + SIZES.compactGap) +
      arch.nodeGroups.length * (SIZES.group.width + SIZES.gap) * (SIZES.group.height + SIZES.gap);
  }
  return Math.max(MIN_CONTENT_WIDTH, Math.round(Math.sqrt(area * 2)));
}

/** Clients sit right above the API server(s) they talk to; cluster-wide settings at the far right. */
function placeClients(s: Sorted, apiCentre: number, width: number): LayoutBox[] {
  const { width: w } = SIZES.component;
  const right = width - SIZES.bandPaddingX;
  const clusterBoxes = s.clusterWide.map((c, i) => {
    const b = simpleBox(c, 'clients');
    b.x = right - (s.clusterWide.length - i) * (w + SIZES.gap) + SIZES.gap;
    return b;
  });
  const limit = (clusterBoxes[0]?.x ?? right + SIZES.gap) - SIZES.gap;
  const clientsWidth = s.clients.length * (w + SIZES.gap) - SIZES.gap;
  let x = Math.round(apiCentre - clientsWidth / 2);
  x = Math.max(SIZES.bandPaddingX, Math.min(x, limit - clientsWidth));
  const clientBoxes = s.clients.map((c) => {
    const b = simpleBox(c, 'clients');
    b.x = x;
    x += w + SIZES.gap;
    return b;
  });
  return [...clientBoxes, ...clusterBoxes];
}

export function layoutArchitecture(arch: Architecture, options: LayoutOptions = {}): ArchitectureLayout {
  const aggregateAbove = options.aggregateAbove ?? DEFAULT_AGGREGATE_ABOVE;
  const expanded = options.expandedGroups ?? new Set<string>();
  const s = sortComponents(arch);
  const aggregated = s.nodes.length > aggregateAbove;

  const cpBlock = layoutControlPlane(s.controlPlane, 2400);
  const maxWidth = Math.max(cpBlock.width, targetWidth(s, aggregated, expanded, arch));
  const nodesBlock = layoutNodes({ nodes: s.nodes, partsOf: s.partsOf, groups: arch.nodeGroups, aggregated, expandedGroups: expanded, maxWidth });
  const addonsBlock = row(s.addons, 'addons', maxWidth);
  const clientsMin = (s.clients.length + s.clusterWide.length) * (SIZES.component.width + SIZES.gap) + 120;

  const content = Math.max(cpBlock.width, nodesBlock.width, addonsBlock.width, clientsMin);
  const width = content + 2 * SIZES.bandPaddingX;

  const boxes: LayoutBox[] = [];
  let y = 0;
  const band = (layer: Layer, height: number): LayoutBox => {
    const b: LayoutBox = { id: `band/${layer}`, kind: 'band', x: 0, y, width, height, label: BAND_TITLES[layer], members: [], layer };
    boxes.push(b);
    return b;
  };
  const addBand = (layer: Layer, block: Block): void => {
    if (block.boxes.length === 0) return;
    const b = band(layer, SIZES.bandTitle + block.height + SIZES.bandPaddingBottom);
    for (const box of place(block, Math.round((width - block.width) / 2), y + SIZES.bandTitle)) {
      box.parentId ??= b.id;
      boxes.push(box);
    }
    y += b.height + SIZES.bandGap;
  };

  // Clients first in the picture but placed after the control plane, which they point at.
  const clientsY = y;
  const hasClients = s.clients.length + s.clusterWide.length > 0;
  if (hasClients) y += SIZES.bandTitle + SIZES.component.height + SIZES.bandPaddingBottom + SIZES.bandGap;
  addBand('control-plane', cpBlock);
  if (hasClients) {
    const apis = boxes.filter((b) => b.kind === 'component' && /kube-apiserver|provider-managed/.test(b.id));
    const apiCentre = apis.length > 0 ? apis.reduce((sum, b) => sum + b.x + b.width / 2, 0) / apis.length : width / 2;
    const saved = y;
    y = clientsY;
    const b = band('clients', SIZES.bandTitle + SIZES.component.height + SIZES.bandPaddingBottom);
    for (const box of placeClients(s, apiCentre, width)) {
      box.y = y + SIZES.bandTitle;
      box.parentId = b.id;
      boxes.push(box);
    }
    y = saved;
  }
  addBand('nodes', nodesBlock);
  addBand('addons', addonsBlock);

  // Draw order: bands, then frames, then the rest (parents before children).
  const rank = (b: LayoutBox) => (b.kind === 'band' ? 0 : b.kind === 'frame' ? 1 : b.kind === 'node-part' ? 3 : 2);
  boxes.sort((a, b) => rank(a) - rank(b) || (a.kind === 'band' ? a.y - b.y : 0));

  const boxOfComponent = new Map<string, string>();
  for (const b of boxes) if (b.componentId) boxOfComponent.set(b.componentId, b.id);
  for (const b of boxes) for (const m of b.members) if (!boxOfComponent.has(m)) boxOfComponent.set(m, b.id);

  const byId = new Map(boxes.map((b) => [b.id, b]));
  // In the aggregated view an expanded group's nodes connect through their group frame: hundreds
  // of lines from individual compact nodes would cover the very grid the user opened.
  const edgeEnds = new Map(boxOfComponent);
  if (aggregated) {
    for (const b of boxes) {
      if (b.kind !== 'node-compact' || !b.parentId) continue;
      for (const m of b.members) edgeEnds.set(m, b.parentId);
    }
  }
  const edges = routeEdges(arch.edges, byId, edgeEnds);
  return { width, height: Math.max(0, y - SIZES.bandGap), boxes, edges, aggregated, nodeCount: s.nodes.length, boxOfComponent };
}
