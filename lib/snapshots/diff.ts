/**
 * diffPostures(a, b): what changed from posture `a` (before) to `b` (after). Pure.
 *
 * Findings are matched by check id + component id + object ref (lib/report findingKey). A finding
 * is *open* when it fails or warns and is not waived. Then:
 *   introduced  open after, not open before (new, or was passing / unknown / waived / absent)
 *   resolved    open before, not open after (passing, waived, unknown, not applicable or gone)
 *   changed     open on both sides with a different status (fail ↔ warn) or severity
 *   unchanged   open on both sides, same status and severity (counted)
 * Snapshots count passing rows about objects instead of listing them (compact/condense.ts), so a
 * finding missing on one side is `pass-or-absent` when that side counted passes of the same check,
 * component and object kind: it passed there, or the object did not exist. Open findings are
 * always listed, so which findings are introduced, resolved or changed is exact either way.
 * Scores: before, after and delta for the cluster, every area and every component on either side.
 * Architecture: components added and removed, versions and flags changed, edges added and removed,
 * edges whose TLS or authentication changed.
 *
 * The JSON shape is PostureDiff; the CLI's `diff --format json` and GET /api/snapshots/diff print it.
 */
import type { Area, Finding, Severity, Status } from '../checks/types';
import type { Component, Edge } from '../model/architecture';
import type { Posture } from '../posture/types';
import { compareFindings, findingKey, isOpen } from '../report/findings';
import type { SnapshotPosture } from './types';

/**
 * A finding's state on one side: its status, `waived`, `absent` (no such result), or
 * `pass-or-absent` (not listed, and the side counted passes of that check on that component).
 */
export type SideState = Status | 'waived' | 'absent' | 'pass-or-absent';

export interface DiffEntry {
  /** The finding as it is after (for resolved ones: as it was before). */
  finding: Finding;
  before: SideState;
  after: SideState;
}

export interface PostureSide {
  context: string;
  collectedAt: string;
  score: number | null;
  /** Open findings per severity. */
  open: Record<Severity, number>;
  catalogVersion: string;
  cveFeedDate: string;
}

export interface ScoreDelta {
  before: number | null;
  after: number | null;
  /** after − before, or null when either side has no score. */
  delta: number | null;
}

export interface ComponentRef {
  id: string;
  name: string;
  type: Component['type'];
}

export interface FlagChanges {
  added: Record<string, string>;
  removed: Record<string, string>;
  changed: Record<string, { before: string; after: string }>;
}

export interface ArchitectureDiff {
  componentsAdded: ComponentRef[];
  componentsRemoved: ComponentRef[];
  versionsChanged: (ComponentRef & { before?: string; after?: string })[];
  flagsChanged: (ComponentRef & FlagChanges)[];
  edgesAdded: Pick<Edge, 'id' | 'from' | 'to' | 'kind' | 'tls' | 'auth'>[];
  edgesRemoved: Pick<Edge, 'id' | 'from' | 'to' | 'kind' | 'tls' | 'auth'>[];
  /** Same edge, different TLS or authentication state. */
  edgesChanged: { id: string; from: string; to: string; tls: { before: Edge['tls']; after: Edge['tls'] }; auth: { before: Edge['auth']; after: Edge['auth'] } }[];
  /** The control plane became (or stopped being) managed, or its provider changed. */
  controlPlaneChanged?: { before: { managed: boolean; provider?: string }; after: { managed: boolean; provider?: string } };
}

export interface PostureDiff {
  before: PostureSide;
  after: PostureSide;
  /** Cluster score after − before, or null when either is null (same as scores.cluster.delta). */
  scoreDelta: number | null;
  introduced: DiffEntry[];
  resolved: DiffEntry[];
  changed: DiffEntry[];
  unchanged: number;
  scores: {
    cluster: ScoreDelta;
    byArea: Record<Area, ScoreDelta>;
    /** Components with a score on either side. */
    byComponent: Record<string, ScoreDelta>;
  };
  architecture: ArchitectureDiff;
  /** Caveats a reader needs, e.g. the two sides were evaluated by different check catalogues. */
  notes: string[];
}

const countedKey = (checkId: string, componentId: string, kind: string) => JSON.stringify([checkId, componentId, kind]);

/** Check, component and kind of every counted pass of a snapshot posture (none for a live posture). */
function countedOf(p: Posture | SnapshotPosture): Set<string> {
  return new Set('passCounts' in p ? p.passCounts.map((c) => countedKey(c.checkId, c.componentId, c.kind)) : []);
}

/** The state of `f` on one side; `other` is the same finding on the other side, for when `f` is missing. */
function stateOf(f: Finding | undefined, other: Finding, counted: ReadonlySet<string>): SideState {
  if (f) return f.waived ? 'waived' : f.status;
  return other.object && counted.has(countedKey(other.checkId, other.componentId, other.object.kind)) ? 'pass-or-absent' : 'absent';
}

function side(p: Posture): PostureSide {
  return {
    context: p.cluster.context,
    collectedAt: p.collectedAt,
    score: p.scores.cluster.score,
    open: { ...p.scores.bySeverity },
    catalogVersion: p.catalogVersion,
    cveFeedDate: p.cveFeedDate,
  };
}

function delta(before: number | null | undefined, after: number | null | undefined): ScoreDelta {
  const b = before ?? null;
  const a = after ?? null;
  return { before: b, after: a, delta: a === null || b === null ? null : a - b };
}

function findingsDiff(a: Posture, b: Posture): Pick<PostureDiff, 'introduced' | 'resolved' | 'changed' | 'unchanged'> {
  const before = new Map(a.findings.map((f) => [findingKey(f), f]));
  const after = new Map(b.findings.map((f) => [findingKey(f), f]));
  const countedA = countedOf(a);
  const countedB = countedOf(b);
  const introduced: DiffEntry[] = [];
  const resolved: DiffEntry[] = [];
  const changed: DiffEntry[] = [];
  let unchanged = 0;
  for (const [key, f] of after) {
    if (!isOpen(f)) continue;
    const old = before.get(key);
    if (!old || !isOpen(old)) introduced.push({ finding: f, before: stateOf(old, f, countedA), after: stateOf(f, f, countedB) });
    else if (old.status !== f.status || old.severity !== f.severity) changed.push({ finding: f, before: stateOf(old, f, countedA), after: stateOf(f, f, countedB) });
    else unchanged++;
  }
  for (const [key, old] of before) {
    if (!isOpen(old)) continue;
    const f = after.get(key);
    if (!f || !isOpen(f)) resolved.push({ finding: old, before: stateOf(old, old, countedA), after: stateOf(f, old, countedB) });
  }
  const order = (x: DiffEntry, y: DiffEntry) => compareFindings(x.finding, y.finding);
  return { introduced: introduced.sort(order), resolved: resolved.sort(order), changed: changed.sort(order), unchanged };
}

function scoresDiff(a: Posture, b: Posture): PostureDiff['scores'] {
  const byArea = {} as Record<Area, ScoreDelta>;
  for (const area of Object.keys({ ...a.scores.byArea, ...b.scores.byArea }) as Area[]) {
    byArea[area] = delta(a.scores.byArea[area]?.score, b.scores.byArea[area]?.score);
  }
  const byComponent: Record<string, ScoreDelta> = {};
  for (const id of [...new Set([...Object.keys(a.scores.byComponent), ...Object.keys(b.scores.byComponent)])].sort()) {
    byComponent[id] = delta(a.scores.byComponent[id]?.score, b.scores.byComponent[id]?.score);
  }
  return { cluster: delta(a.scores.cluster.score, b.scores.cluster.score), byArea, byComponent };
}

const ref = (c: Component): ComponentRef => ({ id: c.id, name: c.name, type: c.type });
const edgeRef = (e: Edge) => ({ id: e.id, from: e.from, to: e.to, kind: e.kind, tls: e.tls, auth: e.auth });
const byId = <T extends { id: string }>(x: T, y: T) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);

function flagChanges(before: Record<string, string> = {}, after: Record<string, string> = {}): FlagChanges | undefined {
  const out: FlagChanges = { added: {}, removed: {}, changed: {} };
  for (const [k, v] of Object.entries(after)) {
    const old = before[k];
    if (old === undefined) out.added[k] = v;
    else if (old !== v) out.changed[k] = { before: old, after: v };
  }
  for (const [k, v] of Object.entries(before)) if (after[k] === undefined) out.removed[k] = v;
  const any = Object.keys(out.added).length + Object.keys(out.removed).length + Object.keys(out.changed).length > 0;
  return any ? out : undefined;
}

export function diffArchitecture(a: Posture['architecture'], b: Posture['architecture']): ArchitectureDiff {
  const before = new Map(a.components.map((c) => [c.id, c]));
  const after = new Map(b.components.map((c) => [c.id, c]));
  const out: ArchitectureDiff = { componentsAdded: [], componentsRemoved: [], versionsChanged: [], flagsChanged: [], edgesAdded: [], edgesRemoved: [], edgesChanged: [] };
  for (const [id, c] of after) {
    const old = before.get(id);
    if (!old) {
      out.componentsAdded.push(ref(c));
      continue;
    }
    if (old.version !== c.version) out.versionsChanged.push({ ...ref(c), ...(old.version ? { before: old.version } : {}), ...(c.version ? { after: c.version } : {}) });
    const flags = flagChanges(old.flags, c.flags);
    if (flags) out.flagsChanged.push({ ...ref(c), ...flags });
  }
  for (const [id, c] of before) if (!after.has(id)) out.componentsRemoved.push(ref(c));

  const eBefore = new Map(a.edges.map((e) => [e.id, e]));
  const eAfter = new Map(b.edges.map((e) => [e.id, e]));
  for (const [id, e] of eAfter) {
    const old = eBefore.get(id);
    if (!old) out.edgesAdded.push(edgeRef(e));
    else if (old.tls !== e.tls || old.auth !== e.auth) out.edgesChanged.push({ id, from: e.from, to: e.to, tls: { before: old.tls, after: e.tls }, auth: { before: old.auth, after: e.auth } });
  }
  for (const [id, e] of eBefore) if (!eAfter.has(id)) out.edgesRemoved.push(edgeRef(e));

  for (const list of [out.componentsAdded, out.componentsRemoved, out.versionsChanged, out.flagsChanged, out.edgesAdded, out.edgesRemoved, out.edgesChanged]) list.sort(byId);
  const cpA = a.controlPlane;
  const cpB = b.controlPlane;
  if (cpA.managed !== cpB.managed || cpA.provider !== cpB.provider) {
    out.controlPlaneChanged = {
      before: { managed: cpA.managed, ...(cpA.provider ? { provider: cpA.provider } : {}) },
      after: { managed: cpB.managed, ...(cpB.provider ? { provider: cpB.provider } : {}) },
    };
  }
  return out;
}

function notesOf(a: Posture, b: Posture): string[] {
  const notes: string[] = [];
  if (a.cluster.context !== b.cluster.context) notes.push(`The two sides are different clusters (${a.cluster.context} and ${b.cluster.context}).`);
  if (a.catalogVersion !== b.catalogVersion) {
    notes.push(`The sides were evaluated by different check catalogues (${a.catalogVersion} and ${b.catalogVersion}): some findings may be new or resolved because checks were added or removed.`);
  }
  if (a.cveFeedDate !== b.cveFeedDate) notes.push(`The CVE feeds differ (${a.cveFeedDate} and ${b.cveFeedDate}): CVE findings may change without any change to the cluster.`);
  if (a.collectedAt > b.collectedAt) notes.push('The "before" side was collected after the "after" side.');
  return notes;
}

export function diffPostures(a: Posture, b: Posture): PostureDiff {
  const scores = scoresDiff(a, b);
  return {
    before: side(a),
    after: side(b),
    scoreDelta: scores.cluster.delta,
    ...findingsDiff(a, b),
    scores,
    architecture: diffArchitecture(a.architecture, b.architecture),
    notes: notesOf(a, b),
  };
}
