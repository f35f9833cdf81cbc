/**
 * The nodes band: one frame per NodeGroup (role → pool → zone), nodes in a grid inside it.
 *
 * Up to `aggregateAbove` nodes, every node is drawn with its kubelet, container runtime and
 * kube-proxy inside. Above it, each group is one box that the user can expand; an expanded group
 * draws its nodes as single compact boxes (their parts roll up into them), so even a 5,000-node
 * group stays a few thousand SVG elements instead of tens of thousands.
 */
import type { Component, NodeGroup } from '../model/architecture';
import { type Block, flow, gridPositions, naturalCompare } from './block';
import { SIZES, type LayoutBox } from './types';

/** kubelet first and the runtime next to it: the kubelet → CRI edge is then one short hop. */
const PART_ORDER = ['kubelet', 'container-runtime', 'kube-proxy'] as const;

export interface NodesInput {
  nodes: readonly Component[];
  /** Per-node parts by node component id. */
  partsOf: ReadonlyMap<string, readonly Component[]>;
  groups: readonly NodeGroup[];
  aggregated: boolean;
  expandedGroups: ReadonlySet<string>;
  maxWidth: number;
}

const UNGROUPED = 'nodegroup/ungrouped';

function partOrder(a: Component, b: Component): number {
  const ia = PART_ORDER.indexOf(a.type as (typeof PART_ORDER)[number]);
  const ib = PART_ORDER.indexOf(b.type as (typeof PART_ORDER)[number]);
  return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || naturalCompare(a.id, b.id);
}

function fullNode(node: Component, parts: readonly Component[], parentId: string): LayoutBox[] {
  const { width, height } = SIZES.node;
  const box: LayoutBox = { id: node.id, kind: 'node', x: 0, y: 0, width, height, label: node.name, componentId: node.id, members: [node.id], parentId, layer: 'nodes' };
  const sorted = [...parts].sort(partOrder);
  const pw = SIZES.nodePart.width;
  const gap = Math.floor((width - 3 * pw) / 4);
  const out = [box];
  // More than three parts (two runtimes?) still fit: they shrink, they are never dropped.
  const partWidth = sorted.length > 3 ? Math.floor((width - gap * (sorted.length + 1)) / sorted.length) : pw;
  const used = sorted.length * partWidth + (sorted.length - 1) * gap;
  let x = Math.round((width - used) / 2);
  for (const p of sorted) {
    out.push({ id: p.id, kind: 'node-part', x, y: SIZES.nodeHeader, width: partWidth, height: SIZES.nodePart.height, label: p.name, componentId: p.id, members: [p.id], parentId: node.id, layer: 'nodes' });
    x += partWidth + gap;
  }
  return out;
}

function compactNode(node: Component, parts: readonly Component[], parentId: string): LayoutBox {
  const { width, height } = SIZES.nodeCompact;
  return { id: node.id, kind: 'node-compact', x: 0, y: 0, width, height, label: node.name, componentId: node.id, members: [node.id, ...parts.map((p) => p.id)], parentId, layer: 'nodes' };
}

/** Columns that make the group about as wide as the band allows, never wider than it needs. */
function columnsFor(count: number, cellWidth: number, gap: number, maxWidth: number): number {
  const fit = Math.max(1, Math.floor((maxWidth - 2 * SIZES.framePadding + gap) / (cellWidth + gap)));
  return Math.max(1, Math.min(count, fit));
}

function groupFrame(group: NodeGroup, nodes: readonly Component[], input: NodesInput): Block {
  const compact = input.aggregated;
  const cell = compact ? SIZES.nodeCompact : SIZES.node;
  const gap = compact ? SIZES.compactGap : SIZES.gap;
  const columns = columnsFor(nodes.length, cell.width, gap, input.maxWidth);
  const rows = Math.ceil(nodes.length / columns);
  const pad = SIZES.framePadding;
  const top = pad + SIZES.frameTitle;
  const frameId = `frame/${group.id}`;
  const width = Math.max(2 * pad + columns * cell.width + (columns - 1) * gap, 200);
  const height = top + rows * cell.height + Math.max(0, rows - 1) * gap + pad;
  const frame: LayoutBox = {
    id: frameId,
    kind: 'frame',
    x: 0,
    y: 0,
    width,
    height,
    label: group.label,
    members: [],
    layer: 'nodes',
    groupId: group.id,
    nodeCount: nodes.length,
  };
  const boxes: LayoutBox[] = [frame];
  const cells = gridPositions(nodes.length, columns, cell.width, cell.height, gap);
  nodes.forEach((node, i) => {
    const at = cells[i] ?? { x: 0, y: 0 };
    const parts = input.partsOf.get(node.id) ?? [];
    const drawn = compact ? [compactNode(node, parts, frameId)] : fullNode(node, parts, frameId);
    for (const b of drawn) {
      b.x += pad + at.x;
      b.y += top + at.y;
    }
    boxes.push(...drawn);
  });
  return { width, height, boxes };
}

function collapsedGroup(group: NodeGroup, nodes: readonly Component[], input: NodesInput): Block {
  const { width, height } = SIZES.group;
  const members: string[] = [];
  for (const n of nodes) {
    members.push(n.id);
    for (const p of input.partsOf.get(n.id) ?? []) members.push(p.id);
  }
  const box: LayoutBox = { id: group.id, kind: 'group', x: 0, y: 0, width, height, label: group.label, members, layer: 'nodes', groupId: group.id, nodeCount: nodes.length };
  return { width, height, boxes: [box] };
}

/** Groups in model order, plus a catch-all for nodes no group names (none is ever dropped). */
export function groupsWithNodes(nodes: readonly Component[], groups: readonly NodeGroup[]): { group: NodeGroup; nodes: Component[] }[] {
  const byName = new Map(nodes.map((n) => [n.name, n]));
  const placed = new Set<string>();
  const out: { group: NodeGroup; nodes: Component[] }[] = [];
  for (const g of [...groups].sort((a, b) => naturalCompare(a.id, b.id))) {
    const members: Component[] = [];
    for (const name of g.nodeNames) {
      const n = byName.get(name);
      if (n && !placed.has(n.id)) {
        members.push(n);
        placed.add(n.id);
      }
    }
    if (members.length > 0) out.push({ group: g, nodes: members.sort((a, b) => naturalCompare(a.name, b.name)) });
  }
  const rest = nodes.filter((n) => !placed.has(n.id)).sort((a, b) => naturalCompare(a.name, b.name));
  if (rest.length > 0) out.push({ group: { id: UNGROUPED, label: 'other nodes', role: 'worker', nodeNames: rest.map((n) => n.name) }, nodes: rest });
  return out;
}

export function layoutNodes(input: NodesInput): Block {
  const blocks = groupsWithNodes(input.nodes, input.groups).map(({ group, nodes }) =>
    input.aggregated && !input.expandedGroups.has(group.id) ? collapsedGroup(group, nodes, input) : groupFrame(group, nodes, input),
  );
  return flow(blocks, input.maxWidth, SIZES.gap + 4, SIZES.gap * 2);
}
