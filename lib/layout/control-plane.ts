/**
 * The control-plane band. Self-managed clusters: one frame per control-plane instance (usually a
 * node), with the API server in the middle column, the scheduler and controller managers to its
 * left (they call it) and etcd to its right (it calls etcd), so those edges stay short and never
 * cross a box. Managed clusters: one provider block.
 */
import type { Component, ComponentType } from '../model/architecture';
import { type Block, flow, naturalCompare } from './block';
import { SIZES, type LayoutBox } from './types';

const LEFT: readonly ComponentType[] = ['kube-scheduler', 'kube-controller-manager', 'cloud-controller-manager'];
const MIDDLE: readonly ComponentType[] = ['kube-apiserver'];

function componentBox(c: Component, width: number = SIZES.component.width, height: number = SIZES.component.height): LayoutBox {
  return { id: c.id, kind: 'component', x: 0, y: 0, width, height, label: c.name, componentId: c.id, members: [c.id], layer: 'control-plane' };
}

/** Which instance a control-plane component belongs to: its node, else `external`, else itself. */
export function instanceOf(c: Component): string {
  if (c.nodeName) return c.nodeName;
  const node = c.facts['node'];
  if (typeof node === 'string' && node) return node;
  if (c.id.includes('/external/')) return 'external';
  return c.id.split('/').at(-1) ?? c.id;
}

function column(components: readonly Component[], rows: number, innerHeight: number): { width: number; boxes: LayoutBox[] } {
  const { width, height } = SIZES.component;
  const used = components.length * height + Math.max(0, components.length - 1) * SIZES.gap;
  let y = Math.round((innerHeight - used) / 2);
  const boxes = components.map((c) => {
    const b = componentBox(c);
    b.y = y;
    y += height + SIZES.gap;
    return b;
  });
  return { width: rows > 0 ? width : 0, boxes };
}

function typeOrder(types: readonly ComponentType[]) {
  return (a: Component, b: Component) => types.indexOf(a.type) - types.indexOf(b.type) || naturalCompare(a.id, b.id);
}

function instanceFrame(instance: string, components: readonly Component[]): Block {
  const left = components.filter((c) => LEFT.includes(c.type)).sort(typeOrder(LEFT));
  const middle = components.filter((c) => MIDDLE.includes(c.type)).sort(typeOrder(MIDDLE));
  // etcd and anything unexpected go right, so nothing is ever dropped.
  const right = components.filter((c) => !LEFT.includes(c.type) && !MIDDLE.includes(c.type)).sort((a, b) => naturalCompare(a.id, b.id));
  const rows = Math.max(left.length, middle.length, right.length);
  const innerHeight = rows * SIZES.component.height + (rows - 1) * SIZES.gap;

  const pad = SIZES.framePadding;
  const top = pad + SIZES.frameTitle;
  const frameId = `frame/control-plane/${instance}`;
  const boxes: LayoutBox[] = [];
  let x = pad;
  for (const col of [left, middle, right]) {
    if (col.length === 0) continue;
    const c = column(col, col.length, innerHeight);
    for (const b of c.boxes) {
      b.x += x;
      b.y += top;
      b.parentId = frameId;
      boxes.push(b);
    }
    x += c.width + SIZES.columnGap;
  }
  const width = x - SIZES.columnGap + pad;
  const height = top + innerHeight + pad;
  const label = instance === 'external' ? 'external etcd' : `control-plane instance ${instance}`;
  const frame: LayoutBox = { id: frameId, kind: 'frame', x: 0, y: 0, width, height, label, members: [], layer: 'control-plane' };
  return { width, height, boxes: [frame, ...boxes] };
}

export function layoutControlPlane(components: readonly Component[], maxWidth: number): Block {
  if (components.length === 0) return { width: 0, height: 0, boxes: [] };
  const managed = components.filter((c) => c.type === 'provider-managed');
  const rest = components.filter((c) => c.type !== 'provider-managed');

  const blocks: Block[] = managed
    .sort((a, b) => naturalCompare(a.id, b.id))
    .map((c) => {
      const b = componentBox(c, SIZES.managed.width, SIZES.managed.height);
      return { width: b.width, height: b.height, boxes: [b] };
    });

  const byInstance = new Map<string, Component[]>();
  for (const c of rest) {
    const key = instanceOf(c);
    const list = byInstance.get(key);
    if (list) list.push(c);
    else byInstance.set(key, [c]);
  }
  const instances = [...byInstance.keys()].sort((a, b) => (a === 'external' ? 1 : b === 'external' ? -1 : naturalCompare(a, b)));
  for (const i of instances) blocks.push(instanceFrame(i, byInstance.get(i) ?? []));

  return flow(blocks, maxWidth, SIZES.gap * 2);
}
