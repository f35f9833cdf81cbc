/**
 * The whole test suite, in one command (`npm test`):
 *   system packages → typecheck → unit tests → the three local clusters → integration tests
 *   → production build → browser tests (SQLite store) → the snapshot browser tests again on a
 *   real PostgreSQL → clusters down.
 *
 * Options: `npm test -- --only unit,int,e2e` runs a subset; KP_KEEP_CLUSTERS=1 leaves the
 * clusters running afterwards (faster reruns). Ends with one line `tests: N passed, N failed`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const REPORTS = join(ROOT, '.test-reports');
const STAGES = ['typecheck', 'unit', 'cluster', 'int', 'e2e'] as const;
type Stage = (typeof STAGES)[number];

function selectedStages(): Set<Stage> {
  const i = process.argv.indexOf('--only');
  if (i < 0) return new Set(STAGES);
  const wanted = (process.argv[i + 1] ?? '').split(',').filter(Boolean);
  const bad = wanted.filter((w) => !(STAGES as readonly string[]).includes(w));
  if (bad.length || wanted.length === 0) {
    console.error(`--only takes a comma-separated list of: ${STAGES.join(', ')}`);
    process.exit(2);
  }
  const s = new Set(wanted as Stage[]);
  if (s.has('int') || s.has('e2e')) s.add('cluster');
  return s;
}

function run(title: string, cmd: string, args: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n━━ ${title} ━━`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } as NodeJS.ProcessEnv });
  const ok = r.status === 0;
  console.log(`━━ ${title}: ${ok ? 'ok' : `FAILED (exit ${r.status ?? r.signal})`} in ${((Date.now() - started) / 1000).toFixed(0)}s`);
  return ok;
}

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

/** Vitest's JSON report. */
function vitestCounts(file: string): Counts {
  if (!existsSync(file)) return { passed: 0, failed: 0, skipped: 0 };
  const r = JSON.parse(readFileSync(file, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  return { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests };
}

/** Playwright's JSON report. */
function playwrightCounts(file: string): Counts {
  if (!existsSync(file)) return { passed: 0, failed: 0, skipped: 0 };
  const r = JSON.parse(readFileSync(file, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
  return { passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected, skipped: r.stats.skipped };
}

const stages = selectedStages();
rmSync(REPORTS, { recursive: true, force: true });
mkdirSync(REPORTS, { recursive: true });
const failures: string[] = [];
const totals: Counts = { passed: 0, failed: 0, skipped: 0 };
const add = (c: Counts) => {
  totals.passed += c.passed;
  totals.failed += c.failed;
  totals.skipped += c.skipped;
};

if (!run('system packages', 'bash', ['scripts/install-system-deps.sh'])) {
  console.error('tests: 0 passed, 1 failed');
  process.exit(1);
}

if (stages.has('typecheck')) {
  if (!run('typecheck', 'npx', ['tsc', '--noEmit'])) failures.push('typecheck');
  if (!run('docs/checks.md is up to date', 'node', ['scripts/gen-checks-doc.ts', '--check'])) failures.push('docs/checks.md (run npm run docs:checks)');
}

if (stages.has('unit')) {
  const out = join(REPORTS, 'unit.json');
  if (!run('unit tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`])) failures.push('unit');
  add(vitestCounts(out));
}

let clustersUp = false;
if (stages.has('cluster')) {
  clustersUp = true;
  for (const profile of ['hardened', 'weak', 'managed']) {
    if (!run(`cluster up: ${profile}`, 'node', ['e2e/cluster/cli.ts', 'up', '--profile', profile])) {
      failures.push(`cluster ${profile}`);
      clustersUp = false;
    }
  }
}

if (stages.has('int')) {
  const out = join(REPORTS, 'int.json');
  if (!clustersUp) failures.push('integration (clusters did not start)');
  // A throwaway PostgreSQL (Debian's package) for the storage contract; SQLite runs everywhere.
  else if (!run('integration tests (with PostgreSQL)', 'bash', ['scripts/pg-test.sh', 'run', '--', 'npx', 'vitest', 'run', '-c', 'vitest.integration.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`])) failures.push('integration');
  add(vitestCounts(out));
}

if (stages.has('e2e')) {
  const out = join(REPORTS, 'e2e.json');
  // Written after the integration tests: the lifecycle test recreates a profile's certificates.
  if (clustersUp && !run('e2e kubeconfig', 'node', ['e2e/cluster/cli.ts', 'e2e-kubeconfig'])) clustersUp = false;
  if (!clustersUp) failures.push('e2e (clusters did not start)');
  else if (!run('production build', 'npx', ['next', 'build'])) failures.push('build');
  else {
    if (!run('browser tests', 'npx', ['playwright', 'test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: out, KP_PLAYWRIGHT_JSON: out })) failures.push('e2e');
    // The snapshot specs once more, on a second server whose store is a real PostgreSQL.
    const pgOut = join(REPORTS, 'e2e-postgres.json');
    const pgPort = String(Number(process.env.KP_E2E_PORT ?? '3100') + 1);
    const specs = ['e2e/snapshots.spec.ts', 'e2e/snapshots-offline.spec.ts'];
    if (!run('browser tests of snapshots on PostgreSQL', 'bash', ['scripts/pg-test.sh', 'run', '--', 'npx', 'playwright', 'test', ...specs], { KP_E2E_PORT: pgPort, PLAYWRIGHT_JSON_OUTPUT_NAME: pgOut, KP_PLAYWRIGHT_JSON: pgOut })) failures.push('e2e (PostgreSQL)');
    add(playwrightCounts(pgOut));
  }
  add(playwrightCounts(out));
}

if (stages.has('cluster') && process.env.KP_KEEP_CLUSTERS !== '1') {
  if (!run('cluster down', 'node', ['e2e/cluster/cli.ts', 'down'])) failures.push('cluster down');
}

console.log(failures.length ? `\nFAILED stages: ${failures.join(', ')}` : '\nall stages passed');
// With a stage failing before it reported counts, make sure the closing line still says so.
const failed = Math.max(totals.failed, failures.length > 0 && totals.failed === 0 ? failures.length : totals.failed);
console.log(`tests: ${totals.passed} passed, ${failed} failed, ${totals.skipped} skipped`);
process.exit(failures.length ? 1 : 0);
