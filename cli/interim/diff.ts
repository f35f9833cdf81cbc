/**
 * INTERIM: a minimal posture diff for `kube-posture diff`, used only until lib/snapshots ships
 * `diffPostures(a, b)`; cli/snapshots.ts is the one place that switches to it. Findings are matched
 * by check, component and object (findingKey); "open" means fail or warn and not waived.
 */
import type { Finding, Severity, Status } from '../../lib/checks/types';
import type { Posture } from '../../lib/posture/types';
import { compareFindings, findingKey, isOpen } from '../../lib/report/findings';

/** What a finding's state was on the other side: a status, `waived`, or `absent` (no such result). */
export type SideState = Status | 'waived' | 'absent';

export interface DiffEntry {
  finding: Finding;
  before: SideState;
  after: SideState;
}

export interface PostureSide {
  context: string;
  collectedAt: string;
  score: number | null;
  open: Record<Severity, number>;
}

export interface PostureDiff {
  before: PostureSide;
  after: PostureSide;
  /** after − before, or null when either score is null. */
  scoreDelta: number | null;
  /** Open in `after`, not open in `before`. */
  introduced: DiffEntry[];
  /** Open in `before`, not open in `after` (passing, waived, unknown or gone). */
  resolved: DiffEntry[];
  /** Open on both sides, with a different status (fail ↔ warn) or severity. */
  changed: DiffEntry[];
  /** Open on both sides, unchanged. */
  unchanged: number;
}

function stateOf(f: Finding | undefined): SideState {
  if (!f) return 'absent';
  return f.waived ? 'waived' : f.status;
}

function side(p: Posture): PostureSide {
  return { context: p.cluster.context, collectedAt: p.collectedAt, score: p.scores.cluster.score, open: { ...p.scores.bySeverity } };
}

export function diffPostures(a: Posture, b: Posture): PostureDiff {
  const before = new Map(a.findings.map((f) => [findingKey(f), f]));
  const after = new Map(b.findings.map((f) => [findingKey(f), f]));
  const introduced: DiffEntry[] = [];
  const resolved: DiffEntry[] = [];
  const changed: DiffEntry[] = [];
  let unchanged = 0;
  for (const [key, f] of after) {
    const old = before.get(key);
    if (!isOpen(f)) continue;
    if (!old || !isOpen(old)) introduced.push({ finding: f, before: stateOf(old), after: stateOf(f) });
    else if (old.status !== f.status || old.severity !== f.severity) changed.push({ finding: f, before: stateOf(old), after: stateOf(f) });
    else unchanged++;
  }
  for (const [key, old] of before) {
    if (!isOpen(old)) continue;
    const f = after.get(key);
    if (!f || !isOpen(f)) resolved.push({ finding: old, before: stateOf(old), after: stateOf(f) });
  }
  const byFinding = (x: DiffEntry, y: DiffEntry) => compareFindings(x.finding, y.finding);
  const sa = a.scores.cluster.score;
  const sb = b.scores.cluster.score;
  return {
    before: side(a),
    after: side(b),
    scoreDelta: sa === null || sb === null ? null : sb - sa,
    introduced: introduced.sort(byFinding),
    resolved: resolved.sort(byFinding),
    changed: changed.sort(byFinding),
    unchanged,
  };
}
