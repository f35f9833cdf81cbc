import { describe, expect, it } from 'vitest';
import type { Finding } from '../../checks/types';
import { loadPosture } from '../__fixtures__';
import { condense, countedPassRows, countedRows, pluralKind, withCountedPassRows } from './condense';

/** The weak fixture with the failing workload checks also passing on three more Deployments each. */
function withHostedPasses() {
  const posture = loadPosture('weak');
  const hosted = posture.findings.filter((f): f is Finding & { object: NonNullable<Finding['object']> } => f.status === 'fail' && f.object?.kind === 'Deployment');
  const passes = hosted.flatMap((f) => [1, 2, 3].map((i): Finding => ({ ...f, status: 'pass', object: { ...f.object, name: `ok-${i}` }, message: `Deployment ok-${i} passes.` })));
  return { posture: { ...posture, findings: [...posture.findings, ...passes] }, passes };
}

describe('condense', () => {
  const { posture, passes } = withHostedPasses();
  const c = condense(posture);

  it('counts passing rows about hosted objects, exactly, per check, component and kind', () => {
    expect(c.findings).toHaveLength(posture.findings.length - passes.length);
    const total = (xs: { count: number }[]) => xs.reduce((n, x) => n + x.count, 0);
    expect(total(c.passCounts)).toBe(passes.length);
    for (const p of c.passCounts) {
      expect(p.count).toBe(passes.filter((f) => f.checkId === p.checkId && f.componentId === p.componentId && f.object?.kind === p.kind).length);
    }
  });

  it('keeps every other row, in order: fail, warn, unknown, n/a, waived, and passes about the component itself', () => {
    const counted = new Set(passes);
    expect(c.findings).toEqual(posture.findings.filter((f) => !counted.has(f)));
    const own = posture.findings.filter((f) => f.status === 'pass' && f.object && !counted.has(f));
    expect(own.length).toBeGreaterThan(0);
    for (const f of own) expect(c.findings).toContain(f);
    const waivedPass = { ...(passes[0] as Finding), waived: { reason: 'ok', author: 'a', source: 'store' as const } };
    expect(condense({ ...posture, findings: [waivedPass] }).findings).toEqual([waivedPass]);
  });

  it('leaves scores, summary and architecture as they were', () => {
    expect(c.scores).toBe(posture.scores);
    expect(c.summary).toBe(posture.summary);
    expect(c.architecture).toBe(posture.architecture);
  });

  it('is idempotent', () => {
    expect(condense(c)).toEqual(c);
  });

  it('decides per posture which objects are a component’s own', () => {
    const isCounted = countedRows(posture);
    const apiserverPass = posture.findings.find((f) => f.status === 'pass' && f.object?.kind === 'Pod' && f.componentId.startsWith('control-plane/kube-apiserver'));
    expect(apiserverPass && isCounted(apiserverPass)).toBe(false);
    expect(isCounted(passes[0] as Finding)).toBe(true);
  });
});

describe('counted pass rows (display)', () => {
  it('one pass row per check and component, saying how many passed and that they are not listed', () => {
    const common = { checkId: 'workload-privileged', title: 'No privileged containers', area: 'workloads', severity: 'high', componentId: 'node/n1' } as const;
    const rows = countedPassRows([
      { ...common, kind: 'Deployment', count: 1204 },
      { ...common, kind: 'DaemonSet', count: 1 },
      { ...common, componentId: 'node/n2', kind: 'NetworkPolicy', count: 2 },
    ]);
    expect(rows.map((r) => [r.componentId, r.status, r.message])).toEqual([
      ['node/n1', 'pass', '1,204 Deployments, 1 DaemonSet passed — not listed in snapshots.'],
      ['node/n2', 'pass', '2 NetworkPolicies passed — not listed in snapshots.'],
    ]);
    expect(rows.every((r) => r.object === undefined && r.evidence.length === 0)).toBe(true);
    // Views count a summary row as the results it stands for (the component panel's "Passing (N findings)").
    expect(rows.map((r) => r.represents)).toEqual([1205, 2]);
  });

  it('adds them to a plain Posture for views, without the counts (it cannot be frozen twice)', () => {
    const c = condense(withHostedPasses().posture);
    const view = withCountedPassRows(c);
    expect(view).not.toHaveProperty('passCounts');
    expect(view.findings.slice(0, c.findings.length)).toEqual(c.findings);
    expect(view.findings.length).toBeGreaterThan(c.findings.length);
  });

  it('pluralizes kinds', () => {
    expect([pluralKind('Ingress', 2), pluralKind('NetworkPolicy', 3), pluralKind('Deployment', 2), pluralKind('Node', 1)]).toEqual(['Ingresses', 'NetworkPolicies', 'Deployments', 'Node']);
  });
});
