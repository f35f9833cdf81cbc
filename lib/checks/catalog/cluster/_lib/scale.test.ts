/**
 * Behaviour at scale: every cluster check runs over a synthetic cluster with thousands of pods,
 * reports workload checks once per controller (not per pod), and never crashes. Timings are
 * printed for the curious but never asserted (DESIGN.md: benchmarks measure, tests assert).
 */
import { describe, expect, it } from 'vitest';
import { buildArchitecture } from '../../../../model/build-architecture';
import { CLUSTER_CHECKS } from '../index';
import { syntheticInventory } from './synthetic';
import { workloadIndex } from './workloads';

describe('cluster checks at scale', () => {
  const size = { namespaces: 40, deploymentsPerNamespace: 25, podsPerDeployment: 12, nodes: 200 };
  const inv = syntheticInventory(size);
  const arch = buildArchitecture(inv);

  it('evaluates controllers, not pods', () => {
    expect(inv.pods.length).toBe(12_000);
    expect(workloadIndex(inv).targets.length).toBe(size.namespaces * size.deploymentsPerNamespace);
  });

  it('runs every check with evidence on every result', () => {
    const ids = new Set(arch.components.map((c) => c.id));
    const started = performance.now();
    for (const check of CLUSTER_CHECKS) {
      const results = check.evaluate({ inv, arch });
      expect(results.length, check.id).toBeGreaterThan(0);
      for (const r of results) {
        expect(ids.has(r.componentId), `${check.id}: ${r.componentId}`).toBe(true);
        expect(r.evidence.length, `${check.id}: ${r.message}`).toBeGreaterThan(0);
      }
      if (check.component === 'workload') expect(results.length, check.id).toBeLessThanOrEqual(workloadIndex(inv).targets.length + 1);
    }
    console.info(`cluster checks: ${CLUSTER_CHECKS.length} checks over ${inv.pods.length} pods in ${Math.round(performance.now() - started)} ms`);
  });
});
