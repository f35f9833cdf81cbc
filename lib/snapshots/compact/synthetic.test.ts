/**
 * The compact form on the synthetic S cluster (100 nodes, 3,000 pods): size in bytes, exact
 * counts and scores after a file round trip, and diffs that stay right when passes are counted.
 */
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { syntheticInventory } from '../../../bench/synthetic-inventory';
import type { Finding } from '../../checks/types';
import { evaluatePosture, scoresOf } from '../../posture/evaluate';
import type { Posture } from '../../posture/types';
import { findingKey } from '../../report/findings';
import { diffPostures, type PostureDiff } from '../diff';
import { exportJson } from '../export/json';
import { freezeSnapshot } from '../freeze';
import { parseSnapshotFile } from '../import';
import type { Snapshot } from '../types';

/**
 * Bytes, not seconds: the S snapshot measured 21 kB gzipped when this was written (the whole
 * posture, version 1: 205 kB). The limit leaves room for new checks, not for a format regression.
 */
const S_GZIP_LIMIT = 32 * 1024;

const now = new Date('2026-11-29T00:00:00Z');
let full: Posture;
let snapshot: Snapshot;
let file: string;

function reread(s: Snapshot): Snapshot {
  const r = parseSnapshotFile(exportJson(s));
  if (!r.ok) throw new Error(r.error.message);
  return r.snapshot;
}

beforeAll(() => {
  full = evaluatePosture(syntheticInventory('S'));
  snapshot = freezeSnapshot(full, { now, createdBy: 'bench' });
  file = exportJson(snapshot);
});

describe('a snapshot of the synthetic S cluster', () => {
  it(`is at most ${S_GZIP_LIMIT / 1024} kB gzipped`, () => {
    const gz = gzipSync(file).length;
    expect(gz).toBeLessThanOrEqual(S_GZIP_LIMIT);
    // …where the whole posture is seven times that (passes about a spec field share their evidence).
    expect(gzipSync(JSON.stringify(full)).length).toBeGreaterThan(6 * gz);
  });

  it('reads back exactly, and its counts and scores are the scan’s', () => {
    const back = reread(snapshot);
    expect(back).toEqual(snapshot);
    const p = back.posture;
    expect(p.scores).toEqual(full.scores);
    // Every row is either listed or counted: per status, and per check and component.
    const listed = (st: Finding['status']) => p.findings.filter((f) => f.status === st && !f.waived).length;
    const counted = p.passCounts.reduce((n, c) => n + c.count, 0);
    const c = full.scores.cluster.counts;
    expect([listed('pass') + counted, listed('fail'), listed('warn'), listed('unknown'), listed('not-applicable')]).toEqual([c.pass, c.fail, c.warn, c.unknown, c['not-applicable']]);
    expect(counted).toBeGreaterThan(p.findings.length);
    const passes = new Map<string, number>();
    for (const f of full.findings) if (f.status === 'pass' && !f.waived) passes.set(`${f.checkId}|${f.componentId}`, (passes.get(`${f.checkId}|${f.componentId}`) ?? 0) + 1);
    const after = new Map<string, number>();
    for (const f of p.findings) if (f.status === 'pass' && !f.waived) after.set(`${f.checkId}|${f.componentId}`, (after.get(`${f.checkId}|${f.componentId}`) ?? 0) + 1);
    for (const x of p.passCounts) after.set(`${x.checkId}|${x.componentId}`, (after.get(`${x.checkId}|${x.componentId}`) ?? 0) + x.count);
    expect(after).toEqual(passes);
  });
});

describe('diff of snapshots with counted passes', () => {
  /**
   * `full` with 5 workload passes broken, 5 failures fixed, 3 softened to warnings, 3 failing rows
   * gone, and every row of one check on one node's Deployments gone (nothing left to count there).
   */
  function changed(): Posture {
    const findings = structuredClone(full.findings);
    const hostedPasses = findings.filter((f) => f.status === 'pass' && f.object?.kind === 'Deployment');
    const fails = findings.filter((f) => f.status === 'fail' && f.object?.kind === 'Deployment');
    for (const f of hostedPasses.slice(0, 5)) f.status = 'fail';
    for (const f of fails.slice(0, 5)) f.status = 'pass';
    for (const f of fails.slice(5, 8)) f.status = 'warn';
    const gone = new Set(fails.slice(8, 11));
    const last = fails.at(-1) as Finding;
    const wiped = (f: Finding) => f.checkId === last.checkId && f.componentId === last.componentId && f.object?.kind === 'Deployment';
    const kept = findings.filter((f) => !gone.has(f) && !wiped(f));
    return { ...full, collectedAt: '2026-11-30T00:00:00.000Z', findings: kept, scores: scoresOf(kept) };
  }
  const keys = (d: PostureDiff) => ({
    introduced: d.introduced.map((e) => findingKey(e.finding)).sort(),
    resolved: d.resolved.map((e) => findingKey(e.finding)).sort(),
    changed: d.changed.map((e) => findingKey(e.finding)).sort(),
    unchanged: d.unchanged,
  });

  it('finds the same introduced, resolved and changed findings as a diff of the whole postures', () => {
    const after = changed();
    const exact = diffPostures(full, after);
    const fromSnapshots = diffPostures(reread(snapshot).posture, reread(freezeSnapshot(after, { now, createdBy: 'bench' })).posture);
    expect(keys(fromSnapshots)).toEqual(keys(exact));
    expect([exact.introduced.length, exact.changed.length]).toEqual([5, 3]);
    expect(exact.resolved.length).toBeGreaterThanOrEqual(9);
    expect(fromSnapshots.scores).toEqual(exact.scores);
  });

  it('says "pass-or-absent" where a side counted passes of that check there, else what the whole posture says', () => {
    const after = changed();
    const exact = diffPostures(full, after);
    const d = diffPostures(reread(snapshot).posture, reread(freezeSnapshot(after, { now, createdBy: 'bench' })).posture);
    // A pass or a missing row may read "pass-or-absent" once passes are counted; nothing else changes.
    const compatible = (whole: string, counted: string) => counted === whole || (counted === 'pass-or-absent' && (whole === 'pass' || whole === 'absent'));
    for (const [list, side] of [['introduced', 'before'], ['resolved', 'after'], ['changed', 'before']] as const) {
      const states = new Map(d[list].map((e) => [findingKey(e.finding), e[side]]));
      for (const e of exact[list]) expect(compatible(e[side], states.get(findingKey(e.finding)) ?? '?'), `${list} ${findingKey(e.finding)}`).toBe(true);
    }
    expect(d.introduced.filter((e) => e.before === 'pass-or-absent').length).toBeGreaterThanOrEqual(4);
    expect(d.resolved.map((e) => e.after)).toContain('absent');
  });
});
