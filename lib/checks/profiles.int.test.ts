/**
 * The checks against the real local control plane: every weakness seeded into the weak profile
 * yields its finding on the right component; the hardened profile has no critical/high failure;
 * on the managed profile flag checks are not-applicable and probes still decide; a user who can
 * read one namespace gets `unknown` with the reason where inputs were forbidden.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { clusterFor } from '../../e2e/cluster/testing';
import { PROFILES_DIR } from '../../e2e/cluster/seed';
import { scan } from '../posture/scan';
import type { Posture } from '../posture/types';
import type { Finding, Status } from './types';

interface Expectation {
  check: string;
  component?: string;
  object?: string;
  status: Status | Status[];
  weakness?: string;
  protection?: string;
  probe?: string;
}
interface ExpectationsFile {
  profile: string;
  noFailuresAtOrAbove?: 'critical' | 'high';
  notApplicable?: string[];
  expectations: Expectation[];
}

const read = (profile: string) => load(readFileSync(join(PROFILES_DIR, profile, 'expectations.yaml'), 'utf8')) as ExpectationsFile;

/** `Kind ns/name` or `Kind name` (cluster-scoped). */
function objectRef(f: Finding): string | undefined {
  if (!f.object) return undefined;
  return `${f.object.kind} ${f.object.namespace ? `${f.object.namespace}/` : ''}${f.object.name}`;
}

function describeExpectations(profile: 'weak' | 'hardened' | 'managed') {
  const file = read(profile);
  let posture: Posture;
  beforeAll(async () => {
    posture = await scan({ kubeconfig: clusterFor(profile).admin });
  });
  it.each(file.expectations.map((e) => [e.weakness ?? e.protection ?? e.probe ?? e.check, e] as const))('%s', (_title, e) => {
    const statuses = Array.isArray(e.status) ? e.status : [e.status];
    const candidates = posture.findings.filter(
      (f) => f.checkId === e.check && (e.component === undefined || f.componentId === e.component) && (e.object === undefined || objectRef(f) === e.object),
    );
    const summary = candidates.map((f) => `${f.status} ${f.componentId} ${objectRef(f) ?? ''}: ${f.message}`).join('\n');
    expect(candidates.length, `no finding of ${e.check} on ${e.component ?? e.object}`).toBeGreaterThan(0);
    expect(candidates.some((f) => statuses.includes(f.status)), `expected ${statuses.join('|')}, got:\n${summary}`).toBe(true);
    for (const f of candidates.filter((c) => c.status === 'fail')) {
      expect(f.evidence.length).toBeGreaterThan(0);
      for (const ev of f.evidence) expect(ev.source.length).toBeGreaterThan(0);
    }
  });
  if (file.noFailuresAtOrAbove) {
    it(`has no failing finding at or above ${file.noFailuresAtOrAbove}`, () => {
      const levels = file.noFailuresAtOrAbove === 'high' ? ['critical', 'high'] : ['critical'];
      const bad = posture.findings.filter((f) => f.status === 'fail' && levels.includes(f.severity)).map((f) => `${f.severity} ${f.checkId} ${f.componentId} ${objectRef(f) ?? ''}`);
      expect(bad).toEqual([]);
    });
  }
  if (file.notApplicable) {
    it.each(file.notApplicable)('%s is not-applicable (provider-managed)', (check) => {
      const fs = posture.findings.filter((f) => f.checkId === check);
      expect(fs.length).toBeGreaterThan(0);
      for (const f of fs) {
        expect(f.status).toBe('not-applicable');
        expect(f.message).toMatch(/provider-managed/);
      }
    });
  }
}

describe('weak profile: every seeded weakness is found', () => describeExpectations('weak'));
describe('hardened profile', () => describeExpectations('hardened'));
describe('managed profile', () => describeExpectations('managed'));

describe('restricted identity', () => {
  it('checks whose inputs are forbidden are unknown, with the reason', async () => {
    const p = await scan({ kubeconfig: clusterFor('weak').restricted });
    const unknown = p.findings.filter((f) => f.status === 'unknown');
    expect(unknown.length).toBeGreaterThan(10);
    const rbac = p.findings.filter((f) => f.checkId === 'rbac-wildcards');
    expect(rbac.every((f) => f.status === 'unknown' && /cannot list/i.test(f.message))).toBe(true);
    const nodes = p.findings.filter((f) => f.checkId === 'kubelet-version-skew');
    expect(nodes.every((f) => f.status === 'unknown')).toBe(true);
    // Nothing that could not be seen is called a pass.
    expect(p.findings.filter((f) => f.checkId === 'rbac-anonymous-bindings' && f.status === 'pass')).toEqual([]);
  });
});
