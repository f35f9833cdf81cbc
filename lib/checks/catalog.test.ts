/**
 * The one generic test for the whole catalogue (the Polaris/kubescape pattern): every check runs
 * over the fixtures beside it, and every check's metadata obeys the same rules.
 *
 * Fixtures: lib/checks/catalog/**\/<check-id>.fixtures/<outcome>.<name>.yaml, outcome ∈
 *   pass    ≥1 pass, no fail/warn          fail  ≥1 fail
 *   warn    ≥1 warn, no fail               unknown  ≥1 unknown, no fail/warn
 *   na      ≥1 not-applicable, no fail/warn/unknown
 * plus, for every entry of the fixture's `expect: [{status?, componentId?, object?: "Kind ns/name"}]`,
 * at least one result matching all given keys. Every result must attach to a component that exists
 * in the fixture's Architecture.
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildArchitecture } from '../model/build-architecture';
import { loadFixture } from '../model/fixtures';
import { ALL_CHECKS, CLUSTER_CHECKS } from './catalog/index';
import { AREAS, type CheckDefinition, type CheckResult, type Status } from './types';

const CATALOG = fileURLToPath(new URL('./catalog', import.meta.url));
const OUTCOMES = ['pass', 'fail', 'warn', 'unknown', 'na'] as const;
type Outcome = (typeof OUTCOMES)[number];
const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'];
const TIERS = ['api', 'api+probe', 'probe', 'needs-node-agent'];
const MIN_CATALOGUE_SIZE = 100;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? [path, ...walk(path)] : [path];
  });
}

const paths = walk(CATALOG);
/** Check modules: `<id>.ts`, not index files, tests, or helper folders (`_lib`). */
const checkFiles = paths.filter(
  (p) => p.endsWith('.ts') && !p.endsWith('.test.ts') && basename(p) !== 'index.ts' && !relative(CATALOG, p).split('/').some((s) => s.startsWith('_')),
);
const fixtureDirs = paths.filter((p) => p.endsWith('.fixtures') && statSync(p).isDirectory());
const fixtureFiles = new Map<string, string[]>(
  fixtureDirs.map((d) => [basename(d, '.fixtures'), readdirSync(d).filter((f) => !f.startsWith('.')).map((f) => join(d, f))]),
);
const byId = new Map(ALL_CHECKS.map((c) => [c.id, c]));

function outcomeOf(file: string): Outcome | undefined {
  const first = basename(file).split('.')[0];
  return (OUTCOMES as readonly string[]).includes(first ?? '') ? (first as Outcome) : undefined;
}

function count(results: readonly CheckResult[], status: Status): number {
  return results.filter((r) => r.status === status).length;
}

function objectText(r: CheckResult): string | undefined {
  const o = r.object;
  if (!o) return undefined;
  return o.namespace ? `${o.kind} ${o.namespace}/${o.name}` : `${o.kind} ${o.name}`;
}

function summary(results: readonly CheckResult[]): string {
  return results.map((r) => `  ${r.status} @ ${r.componentId}${r.object ? ` (${objectText(r)})` : ''}: ${r.message}`).join('\n');
}

describe('catalogue metadata', () => {
  it('has unique check ids', () => {
    const seen = new Set<string>();
    const dupes = ALL_CHECKS.map((c) => c.id).filter((id) => (seen.has(id) ? true : (seen.add(id), false)));
    expect(dupes).toEqual([]);
  });

  it('registers every check file, and each file exports the check named like it', async () => {
    const problems: string[] = [];
    for (const file of checkFiles) {
      const mod = (await import(file)) as { default?: CheckDefinition };
      const id = basename(file, '.ts');
      if (!mod.default) problems.push(`${relative(CATALOG, file)} has no default export`);
      else if (mod.default.id !== id) problems.push(`${relative(CATALOG, file)} exports id "${mod.default.id}"`);
      else if (!byId.has(id)) problems.push(`${id} is not in ALL_CHECKS (add it to its catalogue index)`);
    }
    expect(problems).toEqual([]);
  });

  it.each(ALL_CHECKS.map((c) => [c.id, c] as const))('%s has valid metadata', (_id, c) => {
    expect(c.title.trim(), 'title').not.toBe('');
    expect(c.description.trim().length, 'description').toBeGreaterThan(20);
    expect(SEVERITIES, 'severity').toContain(c.severity);
    expect(AREAS as readonly string[], 'area').toContain(c.area);
    expect(TIERS, 'tier').toContain(c.tier);
    expect(c.component, 'component').toBeTruthy();
    // Actionable: says what to do (a verb) and where (a flag, field, command, path or value).
    expect(c.remediation.trim().length, 'remediation length').toBeGreaterThan(30);
    expect(c.remediation, 'remediation names a concrete setting').toMatch(/--[a-z]|`|=|:\s|\/|\bkubectl\b|\bhelm\b/);
    expect(c.remediation, 'remediation says what to do').toMatch(
      /\b(set|remove|add|upgrade|enable|disable|create|delete|replace|rotate|renew|restrict|apply|use|configure|move|bind|label|update|grant|drop|limit|pin|deploy|install|migrate|plan|run|write|issue|inspect|find|define|mount|avoid|keep|review|scope|give|start|provide)\b/i,
    );
    expect(c.references.length, 'references').toBeGreaterThan(0);
    for (const r of c.references) {
      expect(r.framework.trim(), `reference framework of ${r.id}`).not.toBe('');
      expect(r.id.trim(), 'reference id').not.toBe('');
      if (r.framework === 'CIS Kubernetes') {
        expect(r.version, `CIS ${r.id} carries the benchmark version`).toMatch(/^\d+\.\d+(\.\d+)?$/);
        expect(r.id, 'CIS id').toMatch(/^\d+(\.\d+)*$/);
      }
      if (r.framework === 'CVE') expect(r.id).toMatch(/^CVE-\d{4}-\d{4,}$/);
      if (r.url !== undefined) expect(r.url, 'reference url').toMatch(/^https:\/\/\S+$/);
    }
  });

  it.each(ALL_CHECKS.map((c) => [c.id, c] as const))('%s has the fixtures its tier needs', (id, c) => {
    const outcomes = new Set((fixtureFiles.get(id) ?? []).map(outcomeOf));
    if (c.tier === 'needs-node-agent') {
      expect(outcomes.has('unknown'), `${id}: needs an unknown.*.yaml fixture`).toBe(true);
    } else {
      expect(outcomes.has('pass'), `${id}: needs a pass.*.yaml fixture`).toBe(true);
      expect(outcomes.has('fail'), `${id}: needs a fail.*.yaml fixture`).toBe(true);
    }
  });

  it('has no fixtures for unknown checks and only well-named fixture files', () => {
    const problems: string[] = [];
    for (const [id, files] of fixtureFiles) {
      if (!byId.has(id)) problems.push(`${id}.fixtures has no check`);
      for (const f of files) {
        if (!/^(pass|fail|warn|unknown|na)\.[a-z0-9][a-z0-9-]*\.yaml$/.test(basename(f))) problems.push(`${relative(CATALOG, f)}: name it <outcome>.<name>.yaml`);
      }
    }
    expect(problems).toEqual([]);
  });

  // The size target applies to the whole catalogue, so it waits for the cluster checks.
  it.runIf(CLUSTER_CHECKS.length > 0)(`has at least ${MIN_CATALOGUE_SIZE} checks`, () => {
    expect(ALL_CHECKS.length).toBeGreaterThanOrEqual(MIN_CATALOGUE_SIZE);
  });
});

const cases = [...fixtureFiles].flatMap(([id, files]) => files.map((f) => [`${id} · ${basename(f)}`, id, f] as const));

describe('catalogue fixtures', () => {
  it.each(cases)('%s', (_name, id, file) => {
    const check = byId.get(id);
    if (!check) throw new Error(`no check ${id}`);
    const outcome = outcomeOf(file);
    if (!outcome) throw new Error(`${file}: unknown outcome`);
    const fixture = loadFixture(file);
    const arch = buildArchitecture(fixture.inventory);
    // Call evaluate directly (not through the runner) so a crash fails with its stack trace.
    const results = check.evaluate({ inv: fixture.inventory, arch });
    const why = `results of ${id} on ${basename(file)}:\n${summary(results)}`;

    const ids = new Set(arch.components.map((c) => c.id));
    for (const r of results) {
      expect(ids.has(r.componentId), `${r.componentId} is not a component of the fixture's architecture\n${why}`).toBe(true);
      expect(r.message.trim(), why).not.toBe('');
    }

    const n = (s: Status): number => count(results, s);
    switch (outcome) {
      case 'pass':
        expect(n('pass') > 0 && n('fail') === 0 && n('warn') === 0, why).toBe(true);
        break;
      case 'fail':
        expect(n('fail') > 0, why).toBe(true);
        break;
      case 'warn':
        expect(n('warn') > 0 && n('fail') === 0, why).toBe(true);
        break;
      case 'unknown':
        expect(n('unknown') > 0 && n('fail') === 0 && n('warn') === 0, why).toBe(true);
        break;
      case 'na':
        expect(n('not-applicable') > 0 && n('fail') === 0 && n('warn') === 0 && n('unknown') === 0, why).toBe(true);
        break;
    }

    for (const e of fixture.expect) {
      const match = results.some(
        (r) =>
          (e['status'] === undefined || r.status === e['status']) &&
          (e['componentId'] === undefined || r.componentId === e['componentId']) &&
          (e['object'] === undefined || objectText(r) === e['object']),
      );
      expect(match, `expected a result matching ${JSON.stringify(e)}\n${why}`).toBe(true);
    }
  });
});
