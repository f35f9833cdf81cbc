/**
 * The per-workload loop builds the runner's Findings itself when it knows the check (to save a
 * copy per workload and check). These must be exactly what the runner makes of the plain
 * results: same fields, same values, same key order, on every workload fixture.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildArchitecture } from '../../../../model/build-architecture';
import { loadFixture } from '../../../../model/fixtures';
import { evaluateCheck } from '../../../runner';
import { CLUSTER_CHECKS } from '../../index';
import { syntheticInventory } from './synthetic';

const DIR = fileURLToPath(new URL('..', import.meta.url));
const perWorkload = CLUSTER_CHECKS.filter((c) => c.evaluate.toString().includes('evaluateWorkloads'));
const fixtures = readdirSync(DIR)
  .filter((d) => d.endsWith('.fixtures') && perWorkload.some((c) => d === `${c.id}.fixtures`))
  .flatMap((d) => readdirSync(join(DIR, d)).map((f) => join(DIR, d, f)));
const inventories = [
  ...fixtures.map((f) => ({ name: f.slice(DIR.length), inv: loadFixture(f).inventory })),
  { name: 'synthetic', inv: syntheticInventory({ namespaces: 3, deploymentsPerNamespace: 4, podsPerDeployment: 2, nodes: 3 }) },
];

describe('evaluateWorkloads with the runner', () => {
  it('covers the per-workload checks', () => {
    expect(perWorkload.length).toBeGreaterThanOrEqual(20);
    expect(fixtures.length).toBeGreaterThanOrEqual(40);
  });

  it.each(inventories)('builds the Findings the runner would copy: $name', ({ inv }) => {
    const arch = buildArchitecture(inv);
    for (const check of perWorkload) {
      const copied = check.evaluate({ inv, arch }).map((r) => ({ ...r, checkId: check.id, title: check.title, area: check.area, severity: check.severity }));
      expect(JSON.stringify(evaluateCheck(check, inv, arch)), check.id).toBe(JSON.stringify(copied));
    }
  });
});
