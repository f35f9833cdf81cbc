import { describe, expect, it } from 'vitest';
import { scoresOf } from '../posture/evaluate';
import type { Posture } from '../posture/types';
import { loadPosture } from './__fixtures__';
import { diffArchitecture, diffPostures } from './diff';

/** `after` = `before` with one failure fixed, one pass broken, one fail softened to a warn. */
function pair(): { before: Posture; after: Posture } {
  const before = loadPosture('hardened');
  const after = loadPosture('hardened');
  const [fixed, softened] = after.findings.filter((f) => f.status === 'fail');
  const pass = after.findings.find((f) => f.status === 'pass');
  if (!fixed || !softened || !pass) throw new Error('fixture too small');
  fixed.status = 'pass';
  softened.status = 'warn';
  pass.status = 'fail';
  after.scores = scoresOf(after.findings);
  return { before, after };
}

describe('diffPostures', () => {
  it('a posture against itself: nothing changed', () => {
    const p = loadPosture('weak');
    const d = diffPostures(p, p);
    expect([d.introduced, d.resolved, d.changed]).toEqual([[], [], []]);
    expect(d.unchanged).toBe(p.findings.filter((f) => (f.status === 'fail' || f.status === 'warn') && !f.waived).length);
    expect(d.scoreDelta).toBe(0);
    expect(Object.values(d.scores.byComponent).every((s) => s.delta === 0 || s.delta === null)).toBe(true);
    expect(d.architecture).toEqual({ componentsAdded: [], componentsRemoved: [], versionsChanged: [], flagsChanged: [], edgesAdded: [], edgesRemoved: [], edgesChanged: [] });
    expect(d.notes).toEqual([]);
  });

  it('lists introduced, resolved and changed findings with their states', () => {
    const { before, after } = pair();
    const d = diffPostures(before, after);
    expect(d.introduced.map((e) => [e.before, e.after])).toEqual([['pass', 'fail']]);
    expect(d.resolved.map((e) => [e.before, e.after])).toEqual([['fail', 'pass']]);
    expect(d.changed.map((e) => [e.before, e.after])).toEqual([['fail', 'warn']]);
    expect(d.scoreDelta).toBe((after.scores.cluster.score ?? 0) - (before.scores.cluster.score ?? 0));
    const id = d.introduced[0]?.finding.componentId as string;
    expect(d.scores.byComponent[id]?.before).toBe(before.scores.byComponent[id]?.score);
  });

  it('a finding that disappeared or was waived is resolved', () => {
    const before = loadPosture('hardened');
    const after = loadPosture('hardened');
    const [gone, waived] = after.findings.filter((f) => f.status === 'fail');
    if (!gone || !waived) throw new Error('fixture too small');
    waived.waived = { reason: 'accepted', author: 'alice', source: 'store' };
    after.findings = after.findings.filter((f) => f !== gone);
    const d = diffPostures(before, after);
    expect(d.resolved.map((e) => e.after).sort()).toEqual(['absent', 'waived']);
  });

  it('weak → hardened: better score, critical findings resolved, architecture differences', () => {
    const weak = loadPosture('weak');
    const d = diffPostures(weak, loadPosture('hardened'));
    expect(d.after.score ?? 0).toBeGreaterThan(d.before.score ?? 0);
    expect(d.resolved.filter((e) => e.finding.severity === 'critical').length).toBe(weak.scores.bySeverity.critical);
    expect(d.architecture.componentsRemoved.map((c) => c.id)).toContain('addon/kubernetes-dashboard');
    expect(d.architecture.flagsChanged.find((c) => c.id === 'control-plane/kube-apiserver/cp-1')?.changed['anonymous-auth']).toEqual({ before: 'true', after: 'false' });
    expect(d.architecture.versionsChanged.find((c) => c.id === 'node/worker-2')).toMatchObject({ before: 'v1.33.4', after: 'v1.37.2' });
    expect(d.notes[0]).toMatch(/different clusters/);
  });

  it('reports edges whose TLS changed and control planes that became managed', () => {
    const a = loadPosture('weak').architecture;
    const b = structuredClone(a);
    const edge = b.edges.find((e) => e.tls === 'none');
    if (!edge) throw new Error('fixture has no plain-text edge');
    edge.tls = 'verified';
    b.controlPlane = { managed: true, provider: 'EKS' };
    const d = diffArchitecture(a, b);
    expect(d.edgesChanged).toEqual([{ id: edge.id, from: edge.from, to: edge.to, tls: { before: 'none', after: 'verified' }, auth: { before: edge.auth, after: edge.auth } }]);
    expect(d.controlPlaneChanged).toEqual({ before: { managed: false }, after: { managed: true, provider: 'EKS' } });
  });

  it('notes different catalogues and CVE feeds', () => {
    const a = loadPosture('weak');
    const b = { ...a, catalogVersion: '0.2.0+140', cveFeedDate: '2027-01-01' };
    expect(diffPostures(a, b).notes).toHaveLength(2);
  });
});
