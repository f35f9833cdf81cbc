/**
 * SnapshotPosture → CompactPosture (the format is described in types.ts). Pure and
 * deterministic; decode.ts is its exact inverse, row order included (encode.test.ts and
 * synthetic.test.ts check both on real and synthetic postures).
 */
import type { Score } from '../../checks/scoring';
import type { Finding } from '../../checks/types';
import type { Architecture, Component, ComponentType, ObjectRef } from '../../model/architecture';
import type { SnapshotPosture } from '../types';
import { deltas, Interner, stringInterner } from './columns';
import { holes } from './template';
import type { CheckVariant, CompactArchitecture, CompactPasses, CompactPosture, ComponentTemplate, FindingGroup } from './types';

const objectKey = (o: ObjectRef) => JSON.stringify([o.kind, o.namespace ?? null, o.name]);
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Does `s` contain `word` where holes() would replace it? */
const mentions = (s: string | undefined, word: string) => s !== undefined && holes(s, [word]) !== holes(s, []);

function templateOf(c: Component): { template: ComponentTemplate; pulled: ObjectRef[] } {
  const v = [c.nodeName];
  const t = (s: string) => holes(s, v);
  const pulled: ObjectRef[] = [];
  const objects = c.objects.map((o) => {
    // Objects named after the node stay in the template; others (a Pod with a random suffix) go to the row.
    if (c.nodeName === undefined || mentions(o.name, c.nodeName) || mentions(o.namespace, c.nodeName)) {
      return { kind: t(o.kind), ...(o.namespace !== undefined ? { namespace: t(o.namespace) } : {}), name: t(o.name) };
    }
    pulled.push(o);
    return null;
  });
  const template: ComponentTemplate = {
    id: t(c.id),
    type: c.type,
    name: t(c.name),
    layer: c.layer,
    ...(c.parentId !== undefined ? { parentId: t(c.parentId) } : {}),
    ...(c.version !== undefined ? { version: t(c.version) } : {}),
    ...(c.flags !== undefined ? { flags: Object.fromEntries(Object.entries(c.flags).map(([k, x]) => [k, t(x)])) } : {}),
    facts: Object.fromEntries(Object.entries(c.facts).map(([k, x]) => [k, typeof x === 'string' ? t(x) : x])),
    objects,
  };
  return { template, pulled };
}

interface Context {
  strings: Interner<string>;
  objects: Map<string, number>;
  /** Component id → index: the architecture's components, then `extraIds`. */
  components: Map<string, number>;
  archLength: number;
  extraIds: string[];
}

function componentIndex(ctx: Context, id: string): number {
  let i = ctx.components.get(id);
  if (i === undefined) {
    i = ctx.archLength + ctx.extraIds.length;
    ctx.components.set(id, i);
    ctx.extraIds.push(id);
  }
  return i;
}

function encodeObjects(ctx: Context, posture: SnapshotPosture, pulled: ObjectRef[]): CompactPosture['objects'] {
  const all = new Map<string, ObjectRef>();
  for (const o of pulled) all.set(objectKey(o), o);
  for (const f of posture.findings) if (f.object) all.set(objectKey(f.object), f.object);
  // Sorted, so names of one namespace sit together and their indices step by one.
  const sorted = [...all].sort((a, b) => compare(a[0], b[0]));
  const kind: number[] = [];
  const namespace: number[] = [];
  const name: number[] = [];
  sorted.forEach(([key, o], i) => {
    ctx.objects.set(key, i);
    kind.push(ctx.strings.id(o.kind));
    namespace.push(o.namespace === undefined ? -1 : ctx.strings.id(o.namespace));
    name.push(ctx.strings.id(o.name));
  });
  return { kind: deltas(kind), namespace: deltas(namespace), name: deltas(name) };
}

function encodeArchitecture(arch: Architecture, templates: ComponentTemplate[], pulled: ObjectRef[][], ctx: Context): CompactArchitecture {
  const tpl = new Interner<ComponentTemplate>((t) => JSON.stringify(t));
  const template = templates.map((t) => tpl.id(t));
  const node = arch.components.map((c) => (c.nodeName === undefined ? -1 : ctx.strings.id(c.nodeName)));
  const objects = pulled.flat().map((o) => ctx.objects.get(objectKey(o)) as number);
  return {
    controlPlane: arch.controlPlane,
    components: { templates: tpl.values, template, node: deltas(node), objects: deltas(objects) },
    edges: arch.edges,
    nodeGroups: arch.nodeGroups.map(({ nodeNames, ...g }) => ({ ...g, nodes: deltas(nodeNames.map((n) => ctx.strings.id(n))) })),
  };
}

const variantOf = (f: Pick<Finding, 'checkId' | 'title' | 'area' | 'severity'>): CheckVariant => [f.checkId, f.title, f.area, f.severity];

function encodeFindings(posture: SnapshotPosture, ctx: Context, checks: Interner<CheckVariant>): Pick<CompactPosture, 'targets' | 'findings'> {
  const targets = new Map<string, { component: number; object: number }>();
  const rows = posture.findings.map((f) => {
    const component = componentIndex(ctx, f.componentId);
    const object = f.object ? (ctx.objects.get(objectKey(f.object)) as number) : -1;
    const key = `${object},${component}`;
    if (!targets.has(key)) targets.set(key, { component, object });
    return { f, key };
  });
  const ordered = [...targets].sort((a, b) => a[1].object - b[1].object || a[1].component - b[1].component);
  const targetIndex = new Map(ordered.map(([key], i) => [key, i]));

  const groups = new Map<string, Omit<FindingGroup, 'targets' | 'rows'> & { at: number[]; pos: number[] }>();
  rows.forEach(({ f, key }, pos) => {
    const vars = [f.object?.name, f.object?.namespace];
    const message = holes(f.message, vars);
    const evidence = f.evidence.map((e): [string, string, string] => [holes(e.expected, vars), holes(e.actual, vars), holes(e.source, vars)]);
    const check = checks.id(variantOf(f));
    const gk = JSON.stringify([check, f.status, f.waived ?? null, message, evidence]);
    let g = groups.get(gk);
    if (!g) {
      g = { check, status: f.status, ...(f.waived ? { waived: f.waived } : {}), message, evidence, at: [], pos: [] };
      groups.set(gk, g);
    }
    g.at.push(targetIndex.get(key) as number);
    g.pos.push(pos);
  });
  return {
    targets: { component: deltas(ordered.map(([, t]) => t.component)), object: deltas(ordered.map(([, t]) => t.object)) },
    findings: [...groups.values()].map(({ at, pos, ...g }) => ({ ...g, targets: deltas(at), rows: deltas(pos) })),
  };
}

/** The most frequent value (the smallest among ties). */
function mode(xs: readonly number[]): number {
  const n = new Map<number, number>();
  for (const x of xs) n.set(x, (n.get(x) ?? 0) + 1);
  let best = 0;
  let bestN = -1;
  for (const [x, c] of n) if (c > bestN || (c === bestN && x < best)) [best, bestN] = [x, c];
  return best;
}

function encodePasses(posture: SnapshotPosture, ctx: Context, checks: Interner<CheckVariant>, typeOf: (component: number) => ComponentType | ''): CompactPasses {
  const classes = new Interner<[ComponentType | '', number]>((c) => JSON.stringify(c));
  const slotIndex = new Map<string, number>();
  const slotList: { component: number; kind: number; cls: number }[] = [];
  const counted = posture.passCounts.map((p) => ({ check: checks.id(variantOf(p)), component: componentIndex(ctx, p.componentId), kind: ctx.strings.id(p.kind), count: p.count }));
  for (const p of counted) {
    const key = `${p.component},${p.kind}`;
    if (!slotIndex.has(key)) {
      slotIndex.set(key, -1);
      slotList.push({ component: p.component, kind: p.kind, cls: classes.id([typeOf(p.component), p.kind]) });
    }
  }
  slotList.sort((a, b) => a.component - b.component || a.kind - b.kind);
  slotList.forEach((s, i) => slotIndex.set(`${s.component},${s.kind}`, i));
  const slotsOfClass = new Map<number, number[]>();
  slotList.forEach((s, i) => {
    const list = slotsOfClass.get(s.cls);
    if (list) list.push(i);
    else slotsOfClass.set(s.cls, [i]);
  });

  // Listed rows per check and slot, and counted passes per check and slot.
  const rowsAt = new Map<string, number>();
  for (const f of posture.findings) {
    if (!f.object) continue;
    const slot = slotIndex.get(`${ctx.components.get(f.componentId)},${ctx.strings.find(f.object.kind)}`);
    if (slot === undefined) continue;
    const k = `${checks.id(variantOf(f))},${slot}`;
    rowsAt.set(k, (rowsAt.get(k) ?? 0) + 1);
  }
  const passAt = new Map<string, number>();
  const classesOf = new Map<number, Set<number>>();
  for (const p of counted) {
    const slot = slotIndex.get(`${p.component},${p.kind}`) as number;
    const k = `${p.check},${slot}`;
    passAt.set(k, (passAt.get(k) ?? 0) + p.count);
    const set = classesOf.get(p.check) ?? new Set<number>();
    set.add((slotList[slot] as { cls: number }).cls);
    classesOf.set(p.check, set);
  }
  const scope = (check: number) => [...(classesOf.get(check) ?? [])].flatMap((c) => slotsOfClass.get(c) ?? []).sort((a, b) => a - b);

  // Base per slot: the most common total (passes + listed rows) over the checks that cover it.
  const totals = slotList.map(() => [] as number[]);
  for (const check of classesOf.keys()) {
    for (const slot of scope(check)) (totals[slot] as number[]).push((passAt.get(`${check},${slot}`) ?? 0) + (rowsAt.get(`${check},${slot}`) ?? 0));
  }
  const base = totals.map(mode);

  const out: CompactPasses['checks'] = [];
  for (const check of [...classesOf.keys()].sort((a, b) => a - b)) {
    const fix: number[] = [];
    let prev = 0;
    for (const slot of scope(check)) {
      const k = `${check},${slot}`;
      const r = (passAt.get(k) ?? 0) - ((base[slot] as number) - (rowsAt.get(k) ?? 0));
      if (r !== 0) {
        fix.push(slot - prev, r);
        prev = slot;
      }
    }
    out.push({ check, classes: [...(classesOf.get(check) as Set<number>)].sort((a, b) => a - b), fix });
  }
  return {
    classes: classes.values,
    slots: { component: deltas(slotList.map((s) => s.component)), kind: slotList.map((s) => s.kind), count: base },
    checks: out,
  };
}

function encodeScores(posture: SnapshotPosture, ctx: Context): CompactPosture['scores'] {
  const { byComponent, ...rest } = posture.scores;
  const table = new Interner<Score>((s) => JSON.stringify(s));
  const entries = Object.entries(byComponent).map(([id, s]) => ({ component: componentIndex(ctx, id), score: table.id(s) }));
  return { ...rest, table: table.values, byComponent: { component: deltas(entries.map((e) => e.component)), score: entries.map((e) => e.score) } };
}

export function encodePosture(posture: SnapshotPosture): CompactPosture {
  const { architecture: arch } = posture;
  const ctx: Context = { strings: stringInterner(), objects: new Map(), components: new Map(), archLength: arch.components.length, extraIds: [] };
  // Node names first and in component order: node indices then step by one.
  for (const c of arch.components) if (c.nodeName !== undefined) ctx.strings.id(c.nodeName);
  arch.components.forEach((c, i) => {
    if (!ctx.components.has(c.id)) ctx.components.set(c.id, i);
  });
  const shaped = arch.components.map(templateOf);
  const objects = encodeObjects(ctx, posture, shaped.flatMap((s) => s.pulled));
  const architecture = encodeArchitecture(
    arch,
    shaped.map((s) => s.template),
    shaped.map((s) => s.pulled),
    ctx,
  );
  const checks = new Interner<CheckVariant>((v) => JSON.stringify(v));
  const { targets, findings } = encodeFindings(posture, ctx, checks);
  const typeOf = (i: number) => arch.components[i]?.type ?? '';
  const passes = encodePasses(posture, ctx, checks, typeOf);
  const scores = encodeScores(posture, ctx);
  return {
    schemaVersion: posture.schemaVersion,
    collectedAt: posture.collectedAt,
    cluster: posture.cluster,
    issues: posture.issues,
    summary: posture.summary,
    stats: posture.stats,
    catalogVersion: posture.catalogVersion,
    cveFeedDate: posture.cveFeedDate,
    strings: ctx.strings.values,
    objects,
    architecture,
    componentIds: ctx.extraIds,
    checks: checks.values,
    targets,
    findings,
    passes,
    scores,
  };
}
