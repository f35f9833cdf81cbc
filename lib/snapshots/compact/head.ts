/**
 * What a snapshot page needs for its first picture, worked out from the compact form without
 * making its rows: the posture without rows (architecture, scores, cluster, issues) as a small
 * CompactPosture, one status tally per component, and the number of counted passes. At 5,000
 * nodes the file is ~3 MB and expands to 160,000 listed rows and 62,000 counted-pass summary
 * rows; the head is the architecture's names and a few hundred distinct tallies.
 *
 * The tallies are exactly what the page's views count from the expanded rows
 * (lib/ui/status.ts `tallyByComponent` over the listed rows plus `countedPassRows`): one per row
 * of a finding group's targets, and one pass per check variant and component with counted
 * passes. head.test.ts checks this against the full decode.
 */
import type { Area, Finding, Severity, Status } from '../../checks/types';
import { undeltas } from './columns';
import { at, DECODE_LIMITS, DecodeError, type DecodeLimits, decodeArchitecture, decodeFindings, decodeTargets, eachPassCount, passSlotsByClass, sameLength } from './decode';
import { fill, TemplateError } from './template';
import type { CompactPosture } from './types';

/** The same shape as lib/ui/status.ts TallyRow. */
export interface HeadTallyRow {
  area: Area;
  severity: Severity;
  status: Status;
  waived: boolean;
  count: number;
}

export interface CompactTallies {
  /** Distinct rows of tallies: area, severity, status, waived (1) or not (0), count. */
  rows: [area: Area, severity: Severity, status: Status, waived: 0 | 1, count: number][];
  /** Distinct tallies, as `rows` indices. */
  table: number[][];
  /** Per component (architecture, then `componentIds`): its `table` index, −1 none. */
  tally: number[];
}

export interface CompactHead {
  /** The posture without rows: no findings, targets, passes or component scores; only the strings and objects the architecture names. */
  posture: CompactPosture;
  tallies: CompactTallies;
  /** Passes counted rather than listed, summed (the snapshot's passCounts). */
  counted: number;
}

/** Counts by a non-negative integer key below `size`: an array when that is small enough, else a map. */
function counter(size: number): { add: (k: number) => void; get: (k: number) => number } {
  if (size <= 1 << 24) {
    const a = new Uint32Array(Math.max(1, size));
    return {
      add: (k) => {
        a[k] = (a[k] as number) + 1;
      },
      get: (k) => a[k] as number,
    };
  }
  const m = new Map<number, number>();
  return { add: (k) => void m.set(k, (m.get(k) ?? 0) + 1), get: (k) => m.get(k) ?? 0 };
}

/** The component ids (architecture, then `componentIds`) without decoding the components. */
function componentIdsOf(c: CompactPosture, limits: DecodeLimits): string[] {
  const { templates, template } = c.architecture.components;
  const node = undeltas(c.architecture.components.node);
  sameLength('components', template, node);
  const ids = template.map((ti, i) => {
    const n = node[i] as number;
    const vars = [n === -1 ? undefined : at(c.strings, n, 'string')];
    try {
      return fill(at(templates, ti, 'component template').id, vars, limits.maxLength);
    } catch (e) {
      throw e instanceof TemplateError ? new DecodeError(`component ${i}: ${e.message}`) : e;
    }
  });
  return [...ids, ...c.componentIds];
}

/**
 * Per component id, its rows counted as the views count them: every target of a finding group,
 * and one pass per check variant and component with counted passes (countedPassRows). Integer
 * work over the columns: no row, string or PassCount is made. The pass counts follow
 * decode.ts decodePasses (base − listed rows + correction), with its checks and bounds.
 */
function tallies(c: CompactPosture, limits: DecodeLimits): { counts: ReturnType<typeof counter>; codes: HeadTallyRow[]; componentIds: string[]; first: number[]; counted: number } {
  const componentIds = componentIdsOf(c, limits);
  // Repeated ids (encode.ts never writes them) share one tally, as a map by id would.
  const firstOf = new Map<string, number>();
  const first = componentIds.map((id, i) => {
    const f = firstOf.get(id);
    if (f !== undefined) return f;
    firstOf.set(id, i);
    return i;
  });
  const nComponents = componentIds.length;

  // One code per distinct (area, severity, status, waived); one canonical variant per check.
  const codeOf = new Map<string, number>();
  const codes: HeadTallyRow[] = [];
  const code = (area: Area, severity: Severity, status: Status, waived: boolean) => {
    const k = JSON.stringify([area, severity, status, waived]);
    let i = codeOf.get(k);
    if (i === undefined) {
      i = codes.length;
      codeOf.set(k, i);
      codes.push({ area, severity, status, waived, count: 0 });
    }
    return i;
  };
  const variantOf = new Map<string, number>();
  const variant = c.checks.map((v) => {
    const k = JSON.stringify(v);
    const i = variantOf.get(k);
    if (i !== undefined) return i;
    variantOf.set(k, variantOf.size);
    return variantOf.size - 1;
  });
  const groupCodes = c.findings.map((g) => {
    const [, , area, severity] = at(c.checks, g.check, 'check');
    return code(area, severity, g.status, Boolean(g.waived));
  });
  const passCodes = c.checks.map(([, , area, severity]) => code(area, severity, 'pass', false));
  const R = codes.length;
  const counts = counter(nComponents * R);
  const add = (component: number, code: number) => counts.add((first[component] as number) * R + code);

  const tc = undeltas(c.targets.component);
  const to = undeltas(c.targets.object);
  sameLength('targets', tc, to);
  const objectKind = undeltas(c.objects.kind);
  for (const ci of tc) at(componentIds, ci, 'component');
  for (const oi of to) if (oi !== -1) at(objectKind, oi, 'object');

  // Pass slots: (component, kind) pairs, numbered once.
  const p = c.passes;
  const slotComponent = undeltas(p.slots.component);
  sameLength('pass slots', slotComponent, p.slots.kind, p.slots.count);
  const K = c.strings.length;
  const pairOf = new Map<number, number>();
  const slotPair = slotComponent.map((ci, s) => {
    at(componentIds, ci, 'component');
    const kind = at(p.slots.kind, s, 'pass slot');
    at(c.strings, kind, 'string');
    const k = ci * K + kind;
    let pair = pairOf.get(k);
    if (pair === undefined) pairOf.set(k, (pair = pairOf.size));
    return pair;
  });
  const P = Math.max(1, pairOf.size);

  // Listed rows: one tally count each, and the passes' baseline per check and slot pair.
  const total = c.findings.reduce((n, g) => n + g.targets.length, 0);
  if (total > limits.maxRows) throw new DecodeError(`the snapshot lists more than ${limits.maxRows} findings`);
  const rowsAt = counter(c.checks.length * P);
  c.findings.forEach((g, gi) => {
    const gc = groupCodes[gi] as number;
    for (const ti of undeltas(g.targets)) {
      const ci = at(tc, ti, 'target');
      add(ci, gc);
      const oi = to[ti] as number;
      if (oi === -1) continue;
      const pair = pairOf.get(ci * K + (objectKind[oi] as number));
      if (pair === undefined) continue;
      rowsAt.add(g.check * P + pair);
    }
  });

  // Counted passes (decodePasses): the count per check and slot; one summary row per variant and component.
  const summary = new Set<number>();
  let counted = 0;
  eachPassCount(
    c,
    passSlotsByClass(c, slotComponent),
    (check, s) => rowsAt.get(check * P + (slotPair[s] as number)),
    limits,
    (check, s, count) => {
      if (count === 0) return;
      counted += count;
      const ci = first[slotComponent[s] as number] as number;
      const k = (variant[check] as number) * nComponents + ci;
      if (summary.has(k)) return;
      summary.add(k);
      add(ci, passCodes[check] as number);
    },
  );
  return { counts, codes, componentIds, first, counted };
}

/** Only what the architecture refers to of `strings` and `objects`, re-indexed in their order. */
function architectureOnly(c: CompactPosture): Pick<CompactPosture, 'strings' | 'objects' | 'architecture'> {
  const node = undeltas(c.architecture.components.node);
  const pulled = undeltas(c.architecture.components.objects);
  const kind = undeltas(c.objects.kind);
  const namespace = undeltas(c.objects.namespace);
  const name = undeltas(c.objects.name);
  sameLength('objects', kind, namespace, name);
  const groups = c.architecture.nodeGroups.map((g) => undeltas(g.nodes));

  const usedObjects = [...new Set(pulled)].sort((a, b) => a - b);
  for (const o of usedObjects) at(kind, o, 'object');
  const used = new Set<number>();
  for (const n of node) if (n !== -1) used.add(n);
  for (const g of groups) for (const n of g) used.add(n);
  for (const o of usedObjects) {
    used.add(kind[o] as number);
    if ((namespace[o] as number) !== -1) used.add(namespace[o] as number);
    used.add(name[o] as number);
  }
  const keptStrings = [...used].sort((a, b) => a - b);
  const stringIndex = new Map(keptStrings.map((s, i) => [s, i]));
  const objectIndex = new Map(usedObjects.map((o, i) => [o, i]));
  const str = (i: number) => {
    at(c.strings, i, 'string');
    return stringIndex.get(i) as number;
  };
  const deltas = (xs: readonly number[]) => xs.map((x, i) => x - (i === 0 ? 0 : (xs[i - 1] as number)));
  return {
    strings: keptStrings.map((i) => at(c.strings, i, 'string')),
    objects: {
      kind: deltas(usedObjects.map((o) => str(kind[o] as number))),
      namespace: deltas(usedObjects.map((o) => ((namespace[o] as number) === -1 ? -1 : str(namespace[o] as number)))),
      name: deltas(usedObjects.map((o) => str(name[o] as number))),
    },
    architecture: {
      ...c.architecture,
      components: {
        ...c.architecture.components,
        node: deltas(node.map((n) => (n === -1 ? -1 : str(n)))),
        objects: deltas(pulled.map((o) => objectIndex.get(o) as number)),
      },
      nodeGroups: c.architecture.nodeGroups.map((g, i) => ({ ...g, nodes: deltas((groups[i] as number[]).map(str)) })),
    },
  };
}

/** The first picture's data of a compact posture. Throws DecodeError where decoding would. */
export function snapshotHead(c: CompactPosture, limits: DecodeLimits = DECODE_LIMITS): CompactHead {
  const { counts, codes, componentIds, first, counted } = tallies(c, limits);
  const R = codes.length;
  // Per component, its (code, count) pairs in code order; rows and tallies interned.
  const rows: CompactTallies['rows'] = [];
  const rowIndex = new Map<number, number>();
  const table: number[][] = [];
  const tableIndex = new Map<string, number>();
  const tally = componentIds.map((_, i) => {
    if (first[i] !== i) return -1;
    const t: number[] = [];
    for (let cd = 0; cd < R; cd++) {
      const n = counts.get(i * R + cd);
      if (n === 0) continue;
      const k = n * R + cd;
      let r = rowIndex.get(k);
      if (r === undefined) {
        const { area, severity, status, waived } = codes[cd] as HeadTallyRow;
        r = rows.length;
        rows.push([area, severity, status, waived ? 1 : 0, n]);
        rowIndex.set(k, r);
      }
      t.push(r);
    }
    if (t.length === 0) return -1;
    const k = t.join(',');
    let ti = tableIndex.get(k);
    if (ti === undefined) {
      ti = table.length;
      table.push(t);
      tableIndex.set(k, ti);
    }
    return ti;
  });
  const { table: _scores, byComponent: _byComponent, ...scores } = c.scores;
  return {
    posture: {
      ...c,
      ...architectureOnly(c),
      checks: [],
      targets: { component: [], object: [] },
      findings: [],
      passes: { classes: [], slots: { component: [], kind: [], count: [] }, checks: [] },
      scores: { ...scores, table: [], byComponent: { component: [], score: [] } },
    },
    tallies: { rows, table, tally },
    counted,
  };
}

/** The head's tallies by component id (its posture's architecture, then `componentIds`). */
export function headTallies(head: CompactHead, componentIds: readonly string[]): Map<string, HeadTallyRow[]> {
  const rows = head.tallies.rows.map(([area, severity, status, waived, count]): HeadTallyRow => ({ area, severity, status, waived: waived === 1, count }));
  const table = head.tallies.table.map((t) => t.map((r) => at(rows, r, 'tally row')));
  const out = new Map<string, HeadTallyRow[]>();
  head.tallies.tally.forEach((t, i) => {
    if (t === -1) return;
    out.set(at(componentIds, i, 'component'), at(table, t, 'tally'));
  });
  return out;
}

/** The unknown rows nobody waived, expanded (what the partial-data banner reads), in order. */
export function openUnknownRows(c: CompactPosture, limits: DecodeLimits = DECODE_LIMITS): Finding[] {
  if (!c.findings.some((g) => g.status === 'unknown' && !g.waived)) return [];
  const { objects, componentIds } = decodeArchitecture(c, limits);
  return decodeFindings(c, decodeTargets(c, componentIds, objects), limits, (g) => g.status === 'unknown' && !g.waived).findings;
}
