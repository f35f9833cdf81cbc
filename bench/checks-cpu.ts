/**
 * CPU of check evaluation on a synthetic inventory, without an API server (goal G6: the 21
 * pod/container checks, component `workload`, ≤ 50 ms of CPU per 10,000 pods).
 *
 *   npm run bench:checks -- --scale S|M|L [--runs 5] [--warmup 2] [--copy rebuild|shallow]
 *                           [--inventory synthetic|scanned] [--label x]
 *
 * `--inventory synthetic` (default) is syntheticInventory(scale): the objects projected directly,
 * as bench/synthetic-inventory.ts does. `scanned` holds the same objects as collect() does: each
 * one parsed from its JSON (flat strings) and projected with a per-scan Interner (equal labels,
 * containers, owner references… are one object). Same findings, byte for byte; it differs in what
 * the checks' CPU depends on: generated names are concatenated (cons) strings in `synthetic`, so
 * the first hash or search of each flattens it, and nothing is shared.
 *
 * Nothing computed for one measurement may be reused by the next, or the second would look
 * cheaper than a scan. `rebuild` (default) projects a new inventory (syntheticInventory) for the
 * pod checks and another for evaluatePosture: every object is new, so caches keyed by an
 * inventory, a spec or a container start cold, as in a scan, and the objects have the shapes the
 * projection gives them (a structuredClone's do not, so property reads would be timed on other
 * hidden classes than a scan's). `shallow`
 * is `{ ...inv }` of one inventory, as bench/scan-once.ts does: quicker, per-inventory indexes are
 * rebuilt, caches keyed by specs or containers stay warm.
 *
 * V8's young generation is capped as collect() caps it in a scanning process
 * and shrunk to its minimum first (capYoungGeneration), unless semi-space flags were given.
 *
 * Measured per run (process CPU, user + system, GC threads included), medians reported:
 * - podCheckCpuMs: evaluateAll over the workload checks (architecture built beforehand);
 * - evaluatePostureCpuMs: the whole evaluatePosture (architecture, checks, waivers, scores);
 * - checkCpuMs: evaluateAll over all checks, on a shallow copy of the posture's inventory;
 *   architectureCpuMs: buildArchitecture on the pod checks' inventory;
 * - perCheck: each check alone, in catalogue order, on another shallow copy (a shared index is
 *   charged to the first check that asks for it); the ten most expensive are printed.
 * Writes bench/results/<date>-checks-<scale>[-label].json, never overwriting (-2, -3 …).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { arg, scaleArg } from './args.ts';

const { capYoungGeneration, operatorChoseSemiSpace, youngGenerationBytes } = await import('../lib/k8s/young-generation');
const { asServed, syntheticInventory } = await import('./synthetic-inventory');
const { syntheticCluster } = await import('./synthetic');
const { Interner, effectiveKind, projectObject } = await import('../lib/k8s/projection/index');
const { addProjected } = await import('../lib/model/from-objects');
const { emptyInventory } = await import('../lib/model/inventory');
const { buildArchitecture } = await import('../lib/model/build-architecture');
const { ALL_CHECKS } = await import('../lib/checks/catalog/index');
const { evaluateAll, evaluateCheck } = await import('../lib/checks/runner');
const { evaluatePosture } = await import('../lib/posture/evaluate');
type Inventory = import('../lib/model/inventory').Inventory;

const REPO_ROOT = new URL('../', import.meta.url).pathname;
const log = (m: string) => process.stderr.write(`[bench:checks] ${m}\n`);

const scale = scaleArg();
const runs = Number.parseInt(arg('runs', '5'), 10);
const warmup = Number.parseInt(arg('warmup', '2'), 10);
const copyMode = arg('copy', 'rebuild');
if (copyMode !== 'rebuild' && copyMode !== 'shallow') throw new Error('--copy must be rebuild or shallow');
// As a scanning process does before its first scan (lib/k8s/young-generation.ts).
const semiSpaceChosen = operatorChoseSemiSpace();
capYoungGeneration();
log(`young generation: ${Math.round(youngGenerationBytes() / 1024)} KiB${semiSpaceChosen ? '' : ', capped'}`);
const inventoryMode = arg('inventory', 'synthetic');
if (inventoryMode !== 'synthetic' && inventoryMode !== 'scanned') throw new Error('--inventory must be synthetic or scanned');
const label = arg('label', '');

const cpuMs = (since: NodeJS.CpuUsage): number => {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/**
 * Collect the previous measurement's garbage, then idle while V8's background threads finish
 * sweeping, so that work is not charged to the next measurement (process CPU counts all threads).
 */
async function settle(): Promise<void> {
  globalThis.gc?.();
  await sleep(150);
}
/** CPU of fn() on a settled heap. */
async function timed<T>(fn: () => T): Promise<{ value: T; ms: number }> {
  await settle();
  const t = process.cpuUsage();
  const value = fn();
  return { value, ms: cpuMs(t) };
}
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const round1 = (x: number) => Math.round(x * 10) / 10;

if (!globalThis.gc) log('run with --expose-gc for steadier numbers (the npm script does)');
log(`building the ${scale} inventory (${inventoryMode})`);
/** The synthetic cluster as collect() holds it: parsed from JSON, projected with an Interner. */
function scannedInventory(): Inventory {
  const cluster = syntheticCluster(scale);
  const context = `synthetic-${scale}`;
  const inv = emptyInventory({ context, server: `https://${context}.invalid:6443` });
  const ix = new Interner();
  const add = (o: unknown): void => {
    const obj: unknown = JSON.parse(JSON.stringify(o));
    const p = projectObject(obj, undefined, ix);
    if (!p) return;
    addProjected(inv, p);
    const kind = effectiveKind(obj) ?? 'unknown';
    inv.stats.objects[kind] = (inv.stats.objects[kind] ?? 0) + 1;
  };
  for (const o of cluster.nodes) add(o);
  for (const o of cluster.objects) add(o);
  let i = 0;
  for (const pod of cluster.pods()) add(asServed(pod, i++));
  inv.version = { gitVersion: 'v1.37.2', major: '1', minor: '37' };
  return inv;
}
const build = (): Inventory => (inventoryMode === 'scanned' ? scannedInventory() : syntheticInventory(scale));
const base = copyMode === 'shallow' ? build() : undefined;
const fresh = (): Inventory => (base ? { ...base } : build());
const { pods, nodes } = (() => {
  const inv = base ?? fresh();
  return { pods: inv.pods.length, nodes: inv.nodes.length };
})();
const workloadChecks = ALL_CHECKS.filter((c) => c.component === 'workload');

interface Run {
  architectureCpuMs: number;
  podCheckCpuMs: number;
  checkCpuMs: number;
  evaluatePostureCpuMs: number;
  perCheck: Record<string, number>;
  podFindings: number;
  findings: number;
}

async function once(): Promise<Run> {
  const invA = fresh();
  const arch = await timed(() => buildArchitecture(invA));
  const pod = await timed(() => evaluateAll(invA, arch.value, workloadChecks));

  const invB = fresh();
  const posture = await timed(() => evaluatePosture(invB));

  // Shallow copies: per-inventory indexes are rebuilt, per-spec caches are warm from evaluatePosture.
  const invC = { ...invB };
  const archC = buildArchitecture(invC);
  const all = await timed(() => evaluateAll(invC, archC));

  const invD = { ...invB };
  const archD = buildArchitecture(invD);
  await settle();
  const perCheck: Record<string, number> = {};
  for (const check of ALL_CHECKS) {
    const t = process.cpuUsage();
    evaluateCheck(check, invD, archD);
    perCheck[check.id] = cpuMs(t);
  }
  return {
    architectureCpuMs: arch.ms,
    podCheckCpuMs: pod.ms,
    checkCpuMs: all.ms,
    evaluatePostureCpuMs: posture.ms,
    perCheck,
    podFindings: pod.value.length,
    findings: posture.value.findings.length,
  };
}

for (let i = 0; i < warmup; i++) {
  log(`warm-up ${i + 1}/${warmup}`);
  await once();
}
const results: Run[] = [];
for (let i = 0; i < runs; i++) {
  const r = await once();
  log(`run ${i + 1}/${runs}: pod checks ${round1(r.podCheckCpuMs)} ms, all checks ${round1(r.checkCpuMs)} ms, evaluatePosture ${round1(r.evaluatePostureCpuMs)} ms`);
  results.push(r);
}

const stat = (f: (r: Run) => number) => ({ median: round1(median(results.map(f))), min: round1(Math.min(...results.map(f))), max: round1(Math.max(...results.map(f))) });
const per10k = (ms: number) => round1((ms / pods) * 10_000);
const byWorkload = new Set(workloadChecks.map((c) => c.id));
const perCheck = ALL_CHECKS.map((c) => ({ id: c.id, workload: byWorkload.has(c.id), cpuMs: round1(median(results.map((r) => r.perCheck[c.id] ?? 0))) })).sort((a, b) => b.cpuMs - a.cpuMs);

const podCheckCpuMs = stat((r) => r.podCheckCpuMs);
const checkCpuMs = stat((r) => r.checkCpuMs);
const evaluatePostureCpuMs = stat((r) => r.evaluatePostureCpuMs);
const summary = {
  date: new Date().toISOString(),
  scale,
  label: label || undefined,
  code: execFileSync('git', ['-C', REPO_ROOT, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim(),
  copy: copyMode,
  inventory: inventoryMode,
  semiSpaceGrowthFactor1: !semiSpaceChosen,
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGB: Math.round(totalmem() / 1024 ** 3), node: process.version, execArgv: process.execArgv.filter((a) => !a.startsWith('--import') && !a.endsWith('.ts')), loadAverage: loadavg() },
  pods,
  nodes,
  workloadChecks: workloadChecks.length,
  checks: ALL_CHECKS.length,
  podFindings: results[0]?.podFindings,
  findings: results[0]?.findings,
  runs: results.length,
  warmup,
  podCheckCpuMs,
  podCheckCpuMsPer10kPods: per10k(podCheckCpuMs.median),
  goalPer10kPods: 50,
  goalMet: per10k(podCheckCpuMs.median) <= 50,
  checkCpuMs,
  checkCpuMsPer10kPods: per10k(checkCpuMs.median),
  architectureCpuMs: stat((r) => r.architectureCpuMs),
  evaluatePostureCpuMs,
  evaluatePostureCpuMsPer10kPods: per10k(evaluatePostureCpuMs.median),
  topChecks: perCheck.slice(0, 10),
  workloadCheckCpuMs: perCheck.filter((c) => c.workload),
  raw: results.map(({ perCheck: _, ...r }) => ({ ...r, podCheckCpuMs: round1(r.podCheckCpuMs), checkCpuMs: round1(r.checkCpuMs), evaluatePostureCpuMs: round1(r.evaluatePostureCpuMs), architectureCpuMs: round1(r.architectureCpuMs) })),
};

mkdirSync(join(REPO_ROOT, 'bench/results'), { recursive: true });
const stem = join(REPO_ROOT, 'bench/results', `${summary.date.slice(0, 10)}-checks-${scale}${inventoryMode === 'scanned' ? '-scanned' : ''}${label ? `-${label}` : ''}`);
let file = `${stem}.json`;
for (let n = 2; existsSync(file); n++) file = `${stem}-${n}.json`;
writeFileSync(file, `${JSON.stringify(summary, null, 2)}\n`);
log(`wrote ${file}`);
const { raw: _raw, workloadCheckCpuMs: _w, ...brief } = summary;
console.log(JSON.stringify(brief, null, 1));
