/**
 * The snapshot page's first picture comes from snapshotHead (no rows made); everything it shows
 * must be what the full decode shows: the architecture, scores and cluster facts, every
 * component's status under every diagram filter, the counted passes, the partial-data banner.
 */
import { describe, expect, it } from 'vitest';
import { syntheticInventory } from '../../../bench/synthetic-inventory';
import { AREAS, type Finding } from '../../checks/types';
import { evaluatePosture } from '../../posture/evaluate';
import { applyDiagramFilter, type DiagramFilter } from '../../ui/diagram-filter';
import { partialData } from '../../ui/partial-data';
import { SEVERITY_ORDER, type StatusTally, tallyByComponent } from '../../ui/status';
import { loadPosture } from '../__fixtures__';
import type { SnapshotPosture } from '../types';
import { condense, withCountedPassRows } from './condense';
import { decodePosture } from './decode';
import { encodePosture } from './encode';
import { headTallies, openUnknownRows, snapshotHead } from './head';
import type { CompactPosture } from './types';

const FILTERS: DiagramFilter[] = [{}, ...AREAS.map((area) => ({ area })), ...SEVERITY_ORDER.map((minSeverity) => ({ minSeverity })), { area: 'workloads', minSeverity: 'medium' }];

/** Tallies in one order, to compare two made in different orders. */
const sorted = (m: ReadonlyMap<string, StatusTally>) =>
  new Map([...m].map(([id, rows]) => [id, [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))]));

/** A posture with what the format must survive beyond the ordinary (as encode.test.ts's). */
function awkward(): SnapshotPosture {
  const p = condense(loadPosture('weak'));
  const [a, b] = p.architecture.components;
  if (!a || !b) throw new Error('fixture too small');
  const base = p.findings.find((f) => f.status === 'fail') as Finding;
  const unknown = p.findings.find((f) => f.status === 'unknown') ?? { ...base, status: 'unknown' as const };
  return {
    ...p,
    issues: [...p.issues, { kind: 'RoleBinding', verb: 'list', reason: 'forbidden', message: 'rolebindings is forbidden' }],
    architecture: { ...p.architecture, components: [...p.architecture.components, { ...a }, { ...b, nodeName: 'worker-x', name: 'not-the-node' }] },
    findings: [
      { ...base, componentId: 'elsewhere/x', object: { kind: 'ConfigMap', namespace: 'n{1}s', name: 'cm-{0}-{{' }, message: 'ConfigMap n{1}s/cm-{0}-{{ is odd {0}.' },
      { ...base, status: 'pass', object: { kind: 'Deployment', namespace: 'shop', name: 'api' }, waived: { reason: 'ok', author: 'alice', source: 'annotation' } },
      { ...base, componentId: a.id, waived: { reason: 'accepted', author: 'bob', source: 'store' } },
      { ...unknown, componentId: b.id, message: 'Your identity cannot list rolebindings', waived: { reason: 'later', author: 'carol', source: 'store' } },
      ...p.findings,
    ],
    passCounts: [
      { checkId: 'workload-privileged', title: 'No privileged containers', area: 'workloads', severity: 'high', componentId: 'elsewhere/x', kind: 'Deployment', count: 7 },
      { checkId: 'workload-privileged', title: 'No privileged containers', area: 'workloads', severity: 'high', componentId: a.id, kind: 'Deployment', count: 3 },
      { checkId: 'workload-seccomp', title: 'Seccomp', area: 'workloads', severity: 'medium', componentId: a.id, kind: 'Deployment', count: 1 },
      { checkId: 'workload-seccomp', title: 'Seccomp', area: 'workloads', severity: 'medium', componentId: a.id, kind: 'StatefulSet', count: 2 },
    ].sort((x, y) => (x.checkId + x.componentId + x.kind < y.checkId + y.componentId + y.kind ? -1 : 1)) as SnapshotPosture['passCounts'],
  };
}

function expectSameAsFullDecode(compact: CompactPosture) {
  // As the store holds it: through JSON.
  const c = JSON.parse(JSON.stringify(compact)) as CompactPosture;
  const full = decodePosture(c);
  const rows = withCountedPassRows(full);
  const head = JSON.parse(JSON.stringify(snapshotHead(c))) as ReturnType<typeof snapshotHead>;
  const first = decodePosture(head.posture);

  // The posture without rows is the same.
  expect(first.findings).toEqual([]);
  expect(first.passCounts).toEqual([]);
  expect(first.architecture).toEqual(full.architecture);
  const { byComponent: _a, ...scores } = full.scores;
  const { byComponent: _b, ...firstScores } = first.scores;
  expect(firstScores).toEqual(scores);
  for (const k of ['schemaVersion', 'collectedAt', 'cluster', 'issues', 'summary', 'stats', 'catalogVersion', 'cveFeedDate'] as const) expect(first[k]).toEqual(full[k]);

  // Every component's tally, and so its status under every filter, is the rows'.
  const ids = [...first.architecture.components.map((x) => x.id), ...head.posture.componentIds];
  const fast = headTallies(head, ids);
  const slow = tallyByComponent(rows.findings);
  expect(sorted(fast)).toEqual(sorted(slow));
  for (const f of FILTERS) expect(applyDiagramFilter(first.architecture.components, fast, f)).toEqual(applyDiagramFilter(full.architecture.components, slow, f));

  // The counted passes, and the partial-data banner.
  expect(head.counted).toBe(full.passCounts.reduce((n, p) => n + p.count, 0));
  expect(partialData(c.issues, openUnknownRows(c))).toEqual(partialData(rows.issues, rows.findings));
  expect(openUnknownRows(c)).toEqual(full.findings.filter((x) => x.status === 'unknown' && !x.waived));
  return { head, c };
}

describe('snapshotHead', () => {
  for (const name of ['weak', 'hardened', 'managed'] as const) {
    it(`equals the full decode on the ${name} fixture`, () => {
      expectSameAsFullDecode(encodePosture(condense(loadPosture(name))));
    });
  }

  it('equals the full decode on an awkward posture (repeated ids, outside components, corrections, waivers, issues)', () => {
    const { c } = expectSameAsFullDecode(encodePosture(awkward()));
    expect(partialData(c.issues, openUnknownRows(c)).missing.length).toBeGreaterThan(0);
  });

  it('equals the full decode on the synthetic S and M clusters, and is a fraction of the file', { timeout: 240_000 }, () => {
    for (const scale of ['S', 'M'] as const) {
      const compact = encodePosture(condense(evaluatePosture(syntheticInventory(scale))));
      const { head } = expectSameAsFullDecode(compact);
      // The rows and the names only they use stay behind; components alike share one tally.
      const size = (x: unknown) => JSON.stringify(x).length;
      expect(size(head)).toBeLessThan(size(compact) - size(compact.findings) - size(compact.targets));
      expect(head.posture.strings.length).toBeLessThan(compact.strings.length / 2);
      expect(head.tallies.table.length).toBeLessThan(head.tallies.tally.length / 10);
    }
  });
});
