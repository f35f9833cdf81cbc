/**
 * CompactPosture → SnapshotPosture: the inverse of encode.ts. Every index is checked and the
 * expansion is bounded (rows, counted passes, characters of text made from templates), so a
 * hostile file that passed the schema still cannot point outside its tables or make a small file
 * expand into gigabytes. Throws DecodeError with a sentence; pure otherwise.
 */
import type { Finding } from '../../checks/types';
import type { Architecture, Component, ObjectRef } from '../../model/architecture';
import type { PassCount, SnapshotPosture } from '../types';
import { undeltas } from './columns';
import { comparePassCounts } from './condense';
import { fill, TemplateError } from './template';
import type { CompactPosture, FindingGroup } from './types';

export class DecodeError extends Error {
  override readonly name = 'DecodeError';
}

export interface DecodeLimits {
  /** Finding rows (a 5,000-node cluster has ~160,000 that are not counted passes). */
  maxRows: number;
  /** Characters of one string filled in from a template (the schema's limit for text). */
  maxLength: number;
  /** Slots visited while counting passes, summed over checks. */
  maxPassSlots: number;
  /** Largest single pass count. */
  maxCount: number;
  /** Characters of finding text filled in from templates. */
  maxChars: number;
}

/** The largest pass count a snapshot may claim (a cluster has at most a few hundred thousand objects of a kind). */
export const MAX_PASS_COUNT = 10_000_000;

export const DECODE_LIMITS: DecodeLimits = { maxRows: 2_000_000, maxLength: 65_536, maxPassSlots: 10_000_000, maxCount: MAX_PASS_COUNT, maxChars: 200_000_000 };

/** Keys a component id must never become (scores are keyed by component id). */
const FORBIDDEN_IDS = new Set(['__proto__', 'constructor', 'prototype']);

export function at<T>(xs: readonly T[], i: number, what: string): T {
  if (!Number.isSafeInteger(i) || i < 0 || i >= xs.length) throw new DecodeError(`${what} ${i} does not exist (${xs.length} defined)`);
  return xs[i] as T;
}

export function sameLength(what: string, ...cols: readonly unknown[][]): void {
  if (cols.some((c) => c.length !== (cols[0] as unknown[]).length)) throw new DecodeError(`the columns of ${what} differ in length`);
}

function filler(budget: { chars: number }, limits: DecodeLimits) {
  return (t: string, vars: readonly (string | undefined)[]): string => {
    try {
      const s = fill(t, vars, limits.maxLength);
      // Strings without a variable are shared between rows; only filled ones cost memory.
      if (s !== t) {
        budget.chars += s.length;
        if (budget.chars > limits.maxChars) throw new DecodeError(`the findings expand to more than ${limits.maxChars} characters`);
      }
      return s;
    } catch (e) {
      if (e instanceof TemplateError) throw new DecodeError(e.message);
      throw e;
    }
  };
}

function decodeObjects(c: CompactPosture): ObjectRef[] {
  const kind = undeltas(c.objects.kind);
  const namespace = undeltas(c.objects.namespace);
  const name = undeltas(c.objects.name);
  sameLength('objects', kind, namespace, name);
  return kind.map((k, i) => {
    const ns = namespace[i] as number;
    return {
      kind: at(c.strings, k, 'string'),
      ...(ns === -1 ? {} : { namespace: at(c.strings, ns, 'string') }),
      name: at(c.strings, name[i] as number, 'string'),
    };
  });
}

/** Does any string value of `o` hold a template token (`{`)? Those without one are copied as they are. */
const templated = (o: Record<string, unknown>) => Object.values(o).some((v) => typeof v === 'string' && v.includes('{'));

function decodeComponents(c: CompactPosture, objects: readonly ObjectRef[], limits: DecodeLimits): Component[] {
  const { templates, template } = c.architecture.components;
  const node = undeltas(c.architecture.components.node);
  const pulled = undeltas(c.architecture.components.objects);
  sameLength('components', template, node);
  // Per template, whether its facts and flags need filling in (most facts are the same for every node).
  const plans = new Map<number, { facts: boolean; flags: boolean }>();
  let next = 0;
  const out = template.map((ti, i): Component => {
    const t = at(templates, ti, 'component template');
    let plan = plans.get(ti);
    if (!plan) plans.set(ti, (plan = { facts: templated(t.facts), flags: t.flags !== undefined && templated(t.flags) }));
    const n = node[i] as number;
    const nodeName = n === -1 ? undefined : at(c.strings, n, 'string');
    const vars = [nodeName];
    const f = (s: string) => {
      try {
        return fill(s, vars, limits.maxLength);
      } catch (e) {
        throw e instanceof TemplateError ? new DecodeError(`component ${i}: ${e.message}`) : e;
      }
    };
    // Keys in the order encode.ts reads them: id, type, name, layer, the optional ones, facts, objects.
    const component = { id: f(t.id), type: t.type, name: f(t.name), layer: t.layer } as Component;
    if (t.parentId !== undefined) component.parentId = f(t.parentId);
    if (nodeName !== undefined) component.nodeName = nodeName;
    if (t.version !== undefined) component.version = f(t.version);
    if (t.flags !== undefined) component.flags = plan.flags ? Object.fromEntries(Object.entries(t.flags).map(([k, v]) => [k, f(v)])) : { ...t.flags };
    component.facts = plan.facts ? Object.fromEntries(Object.entries(t.facts).map(([k, v]) => [k, typeof v === 'string' ? f(v) : v])) : { ...t.facts };
    component.objects = t.objects.map((o) =>
      o === null
        ? { ...at(objects, at(pulled, next++, 'component object'), 'object') }
        : o.namespace !== undefined
          ? { kind: f(o.kind), namespace: f(o.namespace), name: f(o.name) }
          : { kind: f(o.kind), name: f(o.name) },
    );
    return component;
  });
  if (next !== pulled.length) throw new DecodeError(`${pulled.length - next} component objects belong to no component`);
  return out;
}

export interface Target {
  /** Index in the component ids (architecture, then `componentIds`). */
  component: number;
  componentId: string;
  object: ObjectRef | undefined;
  /** The object's kind (`strings` index), −1 none. */
  kind: number;
}

/** The targets findings refer to, every index checked. */
export function decodeTargets(c: CompactPosture, componentIds: readonly string[], objects: readonly ObjectRef[]): Target[] {
  const tc = undeltas(c.targets.component);
  const to = undeltas(c.targets.object);
  sameLength('targets', tc, to);
  const kinds = undeltas(c.objects.kind);
  return tc.map((ci, i) => {
    const oi = to[i] as number;
    const object = oi === -1 ? undefined : at(objects, oi, 'object');
    return { component: ci, componentId: at(componentIds, ci, 'component'), object, kind: object ? (kinds[oi] as number) : -1 };
  });
}

/** How many rows a snapshot lists, bounded. */
function rowCount(c: CompactPosture, limits: DecodeLimits): number {
  const total = c.findings.reduce((n, g) => n + g.targets.length, 0);
  if (total > limits.maxRows) throw new DecodeError(`the snapshot lists more than ${limits.maxRows} findings`);
  return total;
}

/** The key of `rowsAt`: listed rows per check variant, component and object kind (`strings` index). */
export const rowsAtKey = (check: number, component: number, kind: number) => `${check},${component},${kind}`;

/**
 * The listed rows, in the posture's order; with `keep`, only the rows of the groups it accepts
 * (still in order). Also the passes' baseline (`rowsAt`), from every group.
 */
export function decodeFindings(
  c: CompactPosture,
  targets: readonly Target[],
  limits: DecodeLimits = DECODE_LIMITS,
  keep?: (g: FindingGroup) => boolean,
): { findings: Finding[]; rowsAt: Map<string, number> } {
  const budget = { chars: 0 };
  const f = filler(budget, limits);
  const total = rowCount(c, limits);
  const findings = new Array<Finding | undefined>(total);
  const used = keep ? new Uint8Array(total) : undefined;
  /** Listed rows per check variant, component and object kind (`strings` index): the passes' baseline. */
  const rowsAt = new Map<string, number>();
  for (const g of c.findings) {
    const [checkId, title, area, severity] = at(c.checks, g.check, 'check');
    const refs = undeltas(g.targets);
    const positions = undeltas(g.rows);
    sameLength(`findings of check ${checkId}`, refs, positions);
    const kept = !keep || keep(g);
    refs.forEach((ti, i) => {
      const t = at(targets, ti, 'target');
      const pos = positions[i] as number;
      if (!Number.isSafeInteger(pos) || pos < 0 || pos >= total || findings[pos] !== undefined || used?.[pos]) throw new DecodeError(`finding position ${pos} is out of range or used twice`);
      if (used) used[pos] = 1;
      if (t.object) {
        const k = rowsAtKey(g.check, t.component, t.kind);
        rowsAt.set(k, (rowsAt.get(k) ?? 0) + 1);
      }
      if (!kept) return;
      const vars = [t.object?.name, t.object?.namespace];
      findings[pos] = {
        componentId: t.componentId,
        ...(t.object ? { object: { ...t.object } } : {}),
        status: g.status,
        message: f(g.message, vars),
        evidence: g.evidence.map(([expected, actual, source]) => ({ expected: f(expected, vars), actual: f(actual, vars), source: f(source, vars) })),
        checkId,
        title,
        area,
        severity,
        ...(g.waived ? { waived: { ...g.waived } } : {}),
      };
    });
  }
  // Every position is used exactly once: `total` rows placed, none twice.
  return { findings: keep ? findings.filter((x): x is Finding => x !== undefined) : (findings as Finding[]), rowsAt };
}

/**
 * Pass slots by class (`passes.classes`): the slots a check of that class reports on. A slot of
 * no class is reached by no check: it is in no list. `slotComponent` is `passes.slots.component`
 * undelta'd; callers check the slots' indices.
 */
export function passSlotsByClass(c: CompactPosture, slotComponent: readonly number[]): Map<number, number[]> {
  const p = c.passes;
  const classIndex = new Map(p.classes.map(([type, kind], i) => [`${type}|${kind}`, i]));
  const typeOf = (i: number) => (i < c.architecture.components.template.length ? at(c.architecture.components.templates, c.architecture.components.template[i] as number, 'component template').type : '');
  const slotsOfClass = new Map<number, number[]>();
  slotComponent.forEach((ci, slot) => {
    const cls = classIndex.get(`${typeOf(ci)}|${p.slots.kind[slot] as number}`);
    if (cls === undefined) return;
    const list = slotsOfClass.get(cls);
    if (list) list.push(slot);
    else slotsOfClass.set(cls, [slot]);
  });
  return slotsOfClass;
}

/**
 * Every counted pass, check entry by check entry, slots in order: the slot's base count minus the
 * rows the check lists there (`listed`) plus its correction, validated (slots visited, correction
 * pairs, range). decodePasses and the page head (head.ts) both read the counts through this.
 */
export function eachPassCount(
  c: CompactPosture,
  slotsOfClass: ReadonlyMap<number, readonly number[]>,
  listed: (check: number, slot: number) => number,
  limits: DecodeLimits,
  visit: (check: number, slot: number, count: number) => void,
): void {
  const p = c.passes;
  let visited = 0;
  for (const entry of p.checks) {
    const [checkId] = at(c.checks, entry.check, 'check');
    for (const cls of entry.classes) at(p.classes, cls, 'pass class');
    const scope = [...new Set(entry.classes)].flatMap((cls) => slotsOfClass.get(cls) ?? []).sort((a, b) => a - b);
    visited += scope.length;
    if (visited > limits.maxPassSlots) throw new DecodeError(`the pass counts cover more than ${limits.maxPassSlots} slots`);
    if (entry.fix.length % 2 !== 0) throw new DecodeError(`check ${entry.check}: corrections come in pairs`);
    const fix = new Map<number, number>();
    let slot = 0;
    for (let i = 0; i < entry.fix.length; i += 2) {
      slot += entry.fix[i] as number;
      fix.set(slot, entry.fix[i + 1] as number);
    }
    for (const s of scope) {
      const count = (p.slots.count[s] as number) - listed(entry.check, s) + (fix.get(s) ?? 0);
      fix.delete(s);
      if (!Number.isSafeInteger(count) || count < 0 || count > limits.maxCount) throw new DecodeError(`check ${checkId}: a pass count of ${count} is out of range`);
      visit(entry.check, s, count);
    }
    if (fix.size > 0) throw new DecodeError(`check ${checkId}: corrections for slots outside its classes`);
  }
}

/** The counted passes, from the base counts minus the listed rows (`rowsAt`) plus the corrections. */
export function decodePasses(c: CompactPosture, componentIds: readonly string[], rowsAt: ReadonlyMap<string, number>, limits: DecodeLimits = DECODE_LIMITS): PassCount[] {
  const p = c.passes;
  const comp = undeltas(p.slots.component);
  sameLength('pass slots', comp, p.slots.kind, p.slots.count);
  comp.forEach((ci, slot) => {
    at(componentIds, ci, 'component');
    at(c.strings, p.slots.kind[slot] as number, 'string');
  });
  const out: PassCount[] = [];
  eachPassCount(
    c,
    passSlotsByClass(c, comp),
    (check, s) => rowsAt.get(rowsAtKey(check, comp[s] as number, p.slots.kind[s] as number)) ?? 0,
    limits,
    (check, s, count) => {
      if (count === 0) return;
      const [checkId, title, area, severity] = at(c.checks, check, 'check');
      out.push({ checkId, title, area, severity, componentId: componentIds[comp[s] as number] as string, kind: c.strings[p.slots.kind[s] as number] as string, count });
    },
  );
  return out.sort(comparePassCounts);
}

/** The architecture alone, with the objects and component ids findings refer to. */
export function decodeArchitecture(c: CompactPosture, limits: DecodeLimits = DECODE_LIMITS): { architecture: Architecture; objects: ObjectRef[]; componentIds: string[] } {
  const objects = decodeObjects(c);
  const components = decodeComponents(c, objects, limits);
  const componentIds = [...components.map((x) => x.id), ...c.componentIds];
  const architecture: Architecture = {
    controlPlane: c.architecture.controlPlane,
    components,
    edges: c.architecture.edges,
    nodeGroups: c.architecture.nodeGroups.map(({ nodes, ...g }) => ({ ...g, nodeNames: undeltas(nodes).map((n) => at(c.strings, n, 'string')) })),
  };
  return { architecture, objects, componentIds };
}

export function decodePosture(c: CompactPosture, limits: DecodeLimits = DECODE_LIMITS): SnapshotPosture {
  const { architecture, objects, componentIds } = decodeArchitecture(c, limits);
  const { findings, rowsAt } = decodeFindings(c, decodeTargets(c, componentIds, objects), limits);
  const passCounts = decodePasses(c, componentIds, rowsAt, limits);

  const { table, byComponent: bc, ...scores } = c.scores;
  const scored = undeltas(bc.component);
  sameLength('component scores', scored, bc.score);
  const byComponent: Record<string, (typeof table)[number]> = {};
  scored.forEach((ci, i) => {
    const id = at(componentIds, ci, 'component');
    if (FORBIDDEN_IDS.has(id)) throw new DecodeError(`"${id}" is not a component id`);
    byComponent[id] = structuredClone(at(table, bc.score[i] as number, 'score'));
  });

  return {
    schemaVersion: c.schemaVersion,
    collectedAt: c.collectedAt,
    cluster: c.cluster,
    architecture,
    findings,
    scores: { cluster: scores.cluster, byArea: scores.byArea, byComponent, bySeverity: scores.bySeverity },
    issues: c.issues,
    summary: c.summary,
    stats: c.stats,
    catalogVersion: c.catalogVersion,
    cveFeedDate: c.cveFeedDate,
    passCounts,
  };
}
