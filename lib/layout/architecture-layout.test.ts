import { describe, expect, it } from 'vitest';
import type { Architecture } from '../model/architecture';
import weak from './__fixtures__/architecture-weak.json' with { type: 'json' };
import hardened from './__fixtures__/architecture-hardened.json' with { type: 'json' };
import managed from './__fixtures__/architecture-managed.json' with { type: 'json' };
import { layoutArchitecture } from './architecture-layout';
import { syntheticArchitecture } from './synthetic';
import type { ArchitectureLayout, LayoutBox } from './types';

const FIXTURES = { weak, hardened, managed } as unknown as Record<string, Architecture>;

/** A reversed copy: the layout must not depend on the order the model produced things in. */
function reversed(arch: Architecture): Architecture {
  return { ...arch, components: [...arch.components].reverse(), edges: [...arch.edges].reverse(), nodeGroups: [...arch.nodeGroups].reverse() };
}

function plain(l: ArchitectureLayout) {
  return { ...l, boxOfComponent: [...l.boxOfComponent.entries()].sort() };
}

function overlaps(a: LayoutBox, b: LayoutBox): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Pairs of siblings that overlap; sweep by x so 5,000-node layouts stay quick to check. */
function overlappingSiblings(boxes: readonly LayoutBox[]): [string, string][] {
  const byParent = new Map<string, LayoutBox[]>();
  for (const b of boxes) {
    const k = b.parentId ?? '(root)';
    byParent.set(k, [...(byParent.get(k) ?? []), b]);
  }
  const bad: [string, string][] = [];
  for (const list of byParent.values()) {
    const sorted = [...list].sort((a, b) => a.x - b.x);
    for (let i = 0; i < sorted.length; i++) {
      const a = sorted[i]!;
      for (let j = i + 1; j < sorted.length && sorted[j]!.x < a.x + a.width; j++) {
        if (overlaps(a, sorted[j]!)) bad.push([a.id, sorted[j]!.id]);
      }
    }
  }
  return bad;
}

function outsideParent(boxes: readonly LayoutBox[]): string[] {
  const byId = new Map(boxes.map((b) => [b.id, b]));
  return boxes
    .filter((b) => {
      const p = b.parentId ? byId.get(b.parentId) : undefined;
      if (!p) return false;
      return b.x < p.x || b.y < p.y || b.x + b.width > p.x + p.width || b.y + b.height > p.y + p.height;
    })
    .map((b) => b.id);
}

describe('layoutArchitecture on the real clusters', () => {
  for (const [name, arch] of Object.entries(FIXTURES)) {
    describe(name, () => {
      const layout = layoutArchitecture(arch);

      it('is deterministic and independent of input order', () => {
        expect(plain(layoutArchitecture(arch))).toEqual(plain(layout));
        expect(plain(layoutArchitecture(reversed(arch)))).toEqual(plain(layout));
      });

      it('places every component somewhere', () => {
        for (const c of arch.components) expect(layout.boxOfComponent.has(c.id), c.id).toBe(true);
      });

      it('never overlaps siblings and keeps children inside their parents', () => {
        expect(overlappingSiblings(layout.boxes)).toEqual([]);
        expect(outsideParent(layout.boxes)).toEqual([]);
      });

      it('stacks the layers clients → control plane → nodes → add-ons', () => {
        const bands = layout.boxes.filter((b) => b.kind === 'band').map((b) => b.id);
        expect(bands).toEqual(['band/clients', 'band/control-plane', 'band/nodes', 'band/addons']);
        const ys = layout.boxes.filter((b) => b.kind === 'band').map((b) => b.y);
        expect([...ys].sort((a, b) => a - b)).toEqual(ys);
      });

      it('draws every edge between two different boxes from a box side to a box side', () => {
        const byId = new Map(layout.boxes.map((b) => [b.id, b]));
        const onBorder = (p: { x: number; y: number }, b: LayoutBox) =>
          ((p.x === b.x || p.x === b.x + b.width) && p.y >= b.y && p.y <= b.y + b.height) ||
          ((p.y === b.y || p.y === b.y + b.height) && p.x >= b.x && p.x <= b.x + b.width);
        expect(layout.edges.length).toBeGreaterThan(0);
        for (const e of layout.edges) {
          expect(onBorder(e.source, byId.get(e.from)!), e.id).toBe(true);
          expect(onBorder(e.target, byId.get(e.to)!), e.id).toBe(true);
        }
        const drawn = new Set(layout.edges.flatMap((e) => e.edgeIds));
        expect(drawn.size).toBe(arch.edges.length);
      });

      it('keeps two lines between the same boxes apart', () => {
        const seen = new Set<string>();
        for (const e of layout.edges) {
          const key = `${e.source.x},${e.source.y}`;
          expect(seen.has(key), `${e.id} starts where another line does`).toBe(false);
          seen.add(key);
        }
      });
    });
  }

  it('draws each node of the weak cluster with its kubelet, runtime and kube-proxy inside', () => {
    const layout = layoutArchitecture(FIXTURES['weak']!);
    const nodes = layout.boxes.filter((b) => b.kind === 'node');
    expect(nodes.map((n) => n.label)).toEqual(['cp-1', 'worker-1', 'worker-2', 'worker-3']);
    for (const n of nodes) {
      const parts = layout.boxes.filter((b) => b.parentId === n.id).map((b) => b.id.split('/').at(-1));
      expect(parts).toEqual(['kubelet', 'container-runtime', 'kube-proxy']);
    }
    expect(layout.aggregated).toBe(false);
  });

  it('puts the clients right above the API server', () => {
    const layout = layoutArchitecture(FIXTURES['weak']!);
    const clients = layout.boxes.find((b) => b.id === 'clients')!;
    const api = layout.boxes.find((b) => b.id === 'control-plane/kube-apiserver/cp-1')!;
    expect(Math.abs(clients.x + clients.width / 2 - (api.x + api.width / 2))).toBeLessThan(2);
  });

  it('draws a managed control plane as one provider block', () => {
    const layout = layoutArchitecture(FIXTURES['managed']!);
    const cp = layout.boxes.filter((b) => b.parentId === 'band/control-plane');
    expect(cp.map((b) => b.id)).toEqual(['control-plane/provider-managed']);
  });
});

describe('layoutArchitecture at scale', () => {
  const big = syntheticArchitecture({ nodes: 5000 });

  it('aggregates 5,000 nodes into their groups, fast', () => {
    const started = performance.now();
    const layout = layoutArchitecture(big);
    const ms = performance.now() - started;
    // Reported, not asserted: a timing never decides whether a test passes (DESIGN.md).
    console.info(`layout of 5,000 nodes (aggregated): ${ms.toFixed(1)} ms, ${layout.boxes.length} boxes, ${layout.edges.length} lines`);
    expect(layout.aggregated).toBe(true);
    expect(layout.boxes.filter((b) => b.kind === 'group')).toHaveLength(big.nodeGroups.length);
    expect(layout.boxes.some((b) => b.kind === 'node' || b.kind === 'node-compact')).toBe(false);
    // Every node and part rolls up into its group box; nothing is dropped.
    for (const c of big.components) expect(layout.boxOfComponent.has(c.id), c.id).toBe(true);
    // 20,000 node edges merge into a few lines per group.
    expect(layout.edges.length).toBeLessThan(big.nodeGroups.length * 12 + 20);
    expect(overlappingSiblings(layout.boxes)).toEqual([]);
  });

  it('expands a group into compact nodes without overlaps', () => {
    const group = big.nodeGroups[0]!;
    const layout = layoutArchitecture(big, { expandedGroups: new Set([group.id]) });
    const compact = layout.boxes.filter((b) => b.kind === 'node-compact');
    expect(compact).toHaveLength(group.nodeNames.length);
    expect(compact.every((b) => b.parentId === `frame/${group.id}`)).toBe(true);
    // Its nodes connect through the frame, not one line per node.
    expect(layout.edges.some((e) => e.from === `frame/${group.id}` || e.to === `frame/${group.id}`)).toBe(true);
    expect(layout.edges.some((e) => compact.some((c) => c.id === e.from || c.id === e.to))).toBe(false);
    expect(overlappingSiblings(layout.boxes)).toEqual([]);
    expect(outsideParent(layout.boxes)).toEqual([]);
  });

  it('lays out all 5,000 nodes expanded', () => {
    const started = performance.now();
    const layout = layoutArchitecture(big, { expandedGroups: new Set(big.nodeGroups.map((g) => g.id)) });
    console.info(`layout of 5,000 nodes (all expanded): ${(performance.now() - started).toFixed(1)} ms`);
    expect(layout.boxes.filter((b) => b.kind === 'node-compact')).toHaveLength(5000);
    expect(overlappingSiblings(layout.boxes)).toEqual([]);
    expect(outsideParent(layout.boxes)).toEqual([]);
  });

  it('does not aggregate at or below the threshold', () => {
    const layout = layoutArchitecture(syntheticArchitecture({ nodes: 300 }));
    expect(layout.aggregated).toBe(false);
    expect(layout.boxes.filter((b) => b.kind === 'node')).toHaveLength(300);
    expect(overlappingSiblings(layout.boxes)).toEqual([]);
    expect(outsideParent(layout.boxes)).toEqual([]);
  });

  it('spreads three control-plane instances side by side', () => {
    const layout = layoutArchitecture(syntheticArchitecture({ nodes: 3, controlPlanes: 3 }));
    const frames = layout.boxes.filter((b) => b.kind === 'frame' && b.layer === 'control-plane');
    expect(frames.map((f) => f.label)).toEqual(['control-plane instance cp-1', 'control-plane instance cp-2', 'control-plane instance cp-3']);
    expect(new Set(frames.map((f) => f.y)).size).toBe(1);
  });
});
