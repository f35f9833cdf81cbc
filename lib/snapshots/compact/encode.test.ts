import { describe, expect, it } from 'vitest';
import type { Finding } from '../../checks/types';
import { loadPosture, type FixtureName } from '../__fixtures__';
import { anonymizePosture } from '../anonymize';
import { compactPostureSchema } from '../schema';
import type { SnapshotPosture } from '../types';
import { condense } from './condense';
import { decodePosture, DECODE_LIMITS, DecodeError } from './decode';
import { encodePosture } from './encode';
import type { CompactPosture } from './types';

/** Encode, through JSON text (as files and the store hold it), decode. */
const roundTrip = (p: SnapshotPosture) => decodePosture(JSON.parse(JSON.stringify(encodePosture(p))) as CompactPosture);

/** A posture with what the format must survive beyond the ordinary. */
function awkward(): SnapshotPosture {
  const p = condense(loadPosture('weak'));
  const [a, b] = p.architecture.components;
  if (!a || !b) throw new Error('fixture too small');
  const base = p.findings[0] as Finding;
  const odd: Finding[] = [
    // A component the architecture does not have, an object whose name has braces and tokens.
    { ...base, componentId: 'elsewhere/x', object: { kind: 'ConfigMap', namespace: 'n{1}s', name: 'cm-{0}-{{' }, message: 'ConfigMap n{1}s/cm-{0}-{{ is odd {0}.' },
    // A waived pass about a hosted object: kept as a row.
    { ...base, status: 'pass', object: { kind: 'Deployment', namespace: 'shop', name: 'api' }, waived: { reason: 'ok', author: 'alice', source: 'annotation' } },
  ];
  return {
    ...p,
    // Two components with the same id, and a node component whose name is not its node's.
    architecture: { ...p.architecture, components: [...p.architecture.components, { ...a }, { ...b, nodeName: 'worker-x', name: 'not-the-node' }] },
    findings: [...odd, ...p.findings],
    scores: { ...p.scores, byComponent: { ...p.scores.byComponent, 'elsewhere/x': p.scores.cluster } },
    // Counts that do not follow "every object passed except the listed ones": corrections needed.
    passCounts: [
      { checkId: 'workload-privileged', title: 'No privileged containers', area: 'workloads', severity: 'high', componentId: 'elsewhere/x', kind: 'Deployment', count: 7 },
      { checkId: 'workload-privileged', title: 'No privileged containers', area: 'workloads', severity: 'high', componentId: a.id, kind: 'Deployment', count: 3 },
      { checkId: 'workload-seccomp', title: 'Seccomp', area: 'workloads', severity: 'medium', componentId: a.id, kind: 'Deployment', count: 1 },
      { checkId: 'workload-seccomp', title: 'Seccomp', area: 'workloads', severity: 'medium', componentId: a.id, kind: 'StatefulSet', count: 2 },
    ].sort((x, y) => (x.checkId + x.componentId + x.kind < y.checkId + y.componentId + y.kind ? -1 : 1)) as SnapshotPosture['passCounts'],
  };
}

describe('encodePosture / decodePosture', () => {
  it.each(['weak', 'hardened', 'managed'] as FixtureName[])('round-trip exactly, row order included: %s', (name) => {
    const p = condense(loadPosture(name));
    expect(roundTrip(p)).toEqual(p);
    const anon = anonymizePosture(p, new Uint8Array(32).fill(3));
    expect(roundTrip(anon)).toEqual(anon);
  });

  it('round-trip the awkward cases: unknown components, braces in names, duplicate ids, corrections', () => {
    const p = awkward();
    const c = encodePosture(p);
    expect(c.componentIds).toContain('elsewhere/x');
    expect(c.passes.checks.some((x) => x.fix.length > 0)).toBe(true);
    expect(roundTrip(p)).toEqual(p);
  });

  it('write what the schema accepts, and the same thing again from a decoded posture', () => {
    for (const p of [condense(loadPosture('weak')), awkward()]) {
      const c = encodePosture(p);
      expect(compactPostureSchema.safeParse(c).success).toBe(true);
      expect(encodePosture(decodePosture(c))).toEqual(c);
    }
  });

  it('store each per-node shape once: kubelets of nodes alike share one template', () => {
    const p = condense(loadPosture('weak'));
    const c = encodePosture(p);
    const kubelets = c.architecture.components.templates.filter((t) => t.type === 'kubelet');
    expect(new Set(kubelets.map((t) => t.id))).toEqual(new Set(['node/{0}/kubelet']));
    expect(kubelets.length).toBeLessThan(p.architecture.components.filter((x) => x.type === 'kubelet').length);
  });
});

describe('decodePosture refuses what encode never writes', () => {
  const good = () => JSON.parse(JSON.stringify(encodePosture(awkward()))) as CompactPosture;
  const refuse = (c: CompactPosture, message: RegExp, limits = DECODE_LIMITS) => {
    expect(() => decodePosture(c, limits)).toThrow(DecodeError);
    expect(() => decodePosture(c, limits)).toThrow(message);
  };

  it('indices outside their tables', () => {
    const c = good();
    c.targets.object[0] = 1e6;
    refuse(c, /object \d+ does not exist/);
    const d = good();
    (d.findings[0] as CompactPosture['findings'][number]).targets[0] = -5;
    refuse(d, /target -5 does not exist/);
    const e = good();
    e.architecture.components.template[0] = 99;
    refuse(e, /component template 99 does not exist/);
    const f = good();
    (f.findings[0] as CompactPosture['findings'][number]).check = 4000;
    refuse(f, /check 4000 does not exist/);
  });

  it('rows placed twice or columns of different lengths', () => {
    const c = good();
    const g = c.findings.find((x) => x.rows.length > 1) as CompactPosture['findings'][number];
    g.rows[1] = 0;
    refuse(c, /used twice/);
    const d = good();
    d.targets.object.push(0);
    refuse(d, /columns of targets differ/);
  });

  it('template tokens that name no variable', () => {
    const c = good();
    (c.findings[0] as CompactPosture['findings'][number]).message = 'hello {7}';
    refuse(c, /names no variable/);
    const d = good();
    (d.architecture.components.templates[0] as { name: string }).name = '{0}';
    // The first template is a component without a node: {0} has nothing to stand for.
    if (d.architecture.components.node[0] === -1) refuse(d, /names no variable/);
  });

  it('component ids that would become object keys of the prototype', () => {
    const c = good();
    c.componentIds.push('__proto__');
    c.scores.byComponent.component.push(1);
    c.scores.byComponent.score.push(0);
    refuse(c, /"__proto__" is not a component id/);
  });

  it('pass counts below zero or above the limit', () => {
    const c = good();
    const check = c.passes.checks[0] as CompactPosture['passes']['checks'][number];
    check.fix = [0, -1000];
    refuse(c, /pass count of -\d+ is out of range/);
    const d = good();
    d.passes.slots.count[0] = 2e7;
    refuse(d, /out of range/);
  });

  it('expansion past the limits: rows, characters, slots', () => {
    const c = good();
    const g = c.findings[0] as CompactPosture['findings'][number];
    g.message = '{0}'.repeat(20_000);
    refuse(c, /more than 65536 characters/);
    refuse(good(), /more than 3 findings/, { ...DECODE_LIMITS, maxRows: 3 });
    refuse(good(), /more than 10 characters/, { ...DECODE_LIMITS, maxChars: 10 });
    refuse(good(), /more than 1 slots/, { ...DECODE_LIMITS, maxPassSlots: 1 });
  });
});
