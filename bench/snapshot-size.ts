/**
 * Snapshot size: the bytes of a snapshot file, plain and gzipped, in the old form (schema 1: the
 * whole posture, one row per check and target) and the compact form (schema 2,
 * lib/snapshots/compact), for the synthetic clusters S, M, L and the running local profiles.
 * Also what the compact form's bytes are made of (per section) and how long freezing, exporting
 * and reading back take. Writes bench/results/<date>-snapshot-size.json (never overwriting: -2…).
 *
 *   node --max-old-space-size=12000 --conditions=react-server --import ./scripts/register-ts-hooks.ts \
 *     bench/snapshot-size.ts [--scales S,M,L] [--profiles weak,hardened,managed]
 *
 * The old form is measured minified (exportJson indented it by one space: more plain bytes,
 * about the same gzipped), streamed through gzip because at L its text is longer than a V8
 * string may be. gzip is Node's default (level 6) for both forms.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createGzip, gzipSync } from 'node:zlib';
import type { Posture } from '../lib/posture/types';
import type { Scale } from './synthetic';

const ROOT = join(import.meta.dirname, '..');
const { values } = parseArgs({ options: { scales: { type: 'string', default: 'S,M,L' }, profiles: { type: 'string', default: 'weak,hardened,managed' } } });
const scales = (values.scales ?? '').split(',').filter(Boolean) as Scale[];
const profiles = (values.profiles ?? '').split(',').filter(Boolean);

const { syntheticInventory } = await import('./synthetic-inventory');
const { evaluatePosture } = await import('../lib/posture/evaluate');
const { scan } = await import('../lib/posture/scan');
const { freezeSnapshot } = await import('../lib/snapshots/freeze');
const { exportJson } = await import('../lib/snapshots/export/json');
const { parseSnapshotFile } = await import('../lib/snapshots/import');
const { decodePosture } = await import('../lib/snapshots/compact/decode');
const { SNAPSHOT_FILE_KIND } = await import('../lib/snapshots/types');

const log = (s: string) => process.stderr.write(`[snapshot-size] ${s}\n`);
const kB = (n: number) => Math.round(n / 102.4) / 10;

interface Size {
  bytes: number;
  gzipBytes: number;
}

/** JSON text of `value` in chunks (arrays element by element), so no single string gets too long. */
function* jsonChunks(value: unknown): Generator<string> {
  if (Array.isArray(value) && value.length > 1000) {
    yield '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) yield ',';
      yield* jsonChunks(value[i]);
    }
    yield ']';
  } else if (value && typeof value === 'object' && !Array.isArray(value)) {
    yield '{';
    let first = true;
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined) continue;
      yield `${first ? '' : ','}${JSON.stringify(k)}:`;
      first = false;
      yield* jsonChunks(v);
    }
    yield '}';
  } else {
    yield JSON.stringify(value);
  }
}

async function streamedSize(value: unknown): Promise<Size> {
  const gz = createGzip();
  let gzipBytes = 0;
  gz.on('data', (b: Buffer) => (gzipBytes += b.length));
  const done = new Promise((resolve) => gz.on('end', resolve));
  let bytes = 0;
  let buf = '';
  for (const chunk of jsonChunks(value)) {
    buf += chunk;
    if (buf.length > 1 << 20) {
      bytes += Buffer.byteLength(buf);
      if (!gz.write(buf)) await new Promise((r) => gz.once('drain', r));
      buf = '';
    }
  }
  bytes += Buffer.byteLength(buf);
  gz.end(buf);
  await done;
  return { bytes, gzipBytes };
}

const sizeOf = (text: string): Size => ({ bytes: Buffer.byteLength(text), gzipBytes: gzipSync(text).length });
const sizeOfJson = (v: unknown) => sizeOf(JSON.stringify(v));

function timed<T>(f: () => T): [T, number] {
  const t = performance.now();
  const out = f();
  return [out, Math.round(performance.now() - t)];
}

async function measure(name: string, kind: 'synthetic' | 'profile', posture: Posture) {
  const now = new Date();
  const v1 = await streamedSize({ kind: SNAPSHOT_FILE_KIND, schemaVersion: 1, id: 'x'.repeat(22), createdAt: now.toISOString(), createdBy: 'bench', anonymized: false, posture });
  const [snapshot, freezeMs] = timed(() => freezeSnapshot(posture, { now, createdBy: 'bench' }));
  const [text, exportMs] = timed(() => exportJson(snapshot));
  const v2 = sizeOf(text);
  const [parsed, importMs] = timed(() => parseSnapshotFile(text, Number.MAX_SAFE_INTEGER));
  if (!parsed.ok) throw new Error(`${name}: the snapshot does not import: ${parsed.error.message}`);
  const file = JSON.parse(text) as { posture: Record<string, unknown> & { architecture: Record<string, unknown> } };
  const [, decodeMs] = timed(() => decodePosture(file.posture as never));

  // What the compact bytes are, and the same parts before compaction (passes already counted).
  const sections = Object.fromEntries(Object.entries(file.posture).map(([k, v]) => [k, sizeOfJson(v)]));
  const architecture = Object.fromEntries(Object.entries(file.posture.architecture).map(([k, v]) => [k, sizeOfJson(v)]));
  const sp = snapshot.posture;
  const expanded = { architecture: sizeOfJson(sp.architecture), findings: sizeOfJson(sp.findings), passCounts: sizeOfJson(sp.passCounts), scores: sizeOfJson(sp.scores) };
  const passesCounted = await streamedSize({ ...snapshot, posture: sp });
  const c = file.posture as unknown as { findings: unknown[]; strings: unknown[]; targets: { object: unknown[] }; architecture: { components: { templates: unknown[] } }; scores: { table: unknown[] } };

  const out = {
    name,
    kind,
    nodes: posture.summary.nodes,
    pods: posture.summary.pods,
    workloads: posture.summary.workloads,
    components: posture.architecture.components.length,
    rows: {
      total: posture.findings.length,
      nonPass: posture.findings.filter((f) => f.status !== 'pass').length,
      listed: sp.findings.length,
      countedPasses: sp.passCounts.reduce((n, p) => n + p.count, 0),
      passCountEntries: sp.passCounts.length,
    },
    compact: { findingGroups: c.findings.length, strings: c.strings.length, targets: c.targets.object.length, componentTemplates: c.architecture.components.templates.length, distinctScores: c.scores.table.length },
    v1,
    passesCounted,
    v2,
    gzipRatio: Math.round((v1.gzipBytes / v2.gzipBytes) * 10) / 10,
    sections,
    architecture,
    expandedSections: expanded,
    timingsMs: { freeze: freezeMs, exportJson: exportMs, parseSnapshotFile: importMs, decode: decodeMs },
  };
  log(`${name}: v1 ${kB(v1.bytes)} kB / gzip ${kB(v1.gzipBytes)} kB → passes counted gzip ${kB(passesCounted.gzipBytes)} kB → v2 ${kB(v2.bytes)} kB / gzip ${kB(v2.gzipBytes)} kB (${out.gzipRatio}×)`);
  return out;
}

const results = [];
for (const scale of scales) {
  log(`evaluating synthetic ${scale}…`);
  const posture = evaluatePosture(syntheticInventory(scale));
  results.push(await measure(`synthetic-${scale}`, 'synthetic', posture));
}
for (const profile of profiles) {
  const kubeconfig = join(ROOT, '.cluster', profile, 'admin.kubeconfig');
  if (!existsSync(kubeconfig)) {
    log(`${profile}: no ${kubeconfig}, skipped`);
    continue;
  }
  log(`scanning ${profile}…`);
  results.push(await measure(profile, 'profile', await scan({ kubeconfig })));
}

const summary = {
  date: new Date().toISOString(),
  code: execFileSync('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim(),
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGB: Math.round(totalmem() / 1024 ** 3), node: process.version, nodeOptions: process.env.NODE_OPTIONS ?? '', loadAverage: loadavg() },
  method: 'v1 = schema 1 file (whole posture), minified JSON; passesCounted = schema 2 content before compaction; v2 = exportJson() of freezeSnapshot(); gzip = zlib level 6',
  goal: 'L (5,000 nodes / 150,000 pods) snapshot ≤ 400 kB gzipped',
  results,
};
mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
const base = join(ROOT, 'bench/results', `${summary.date.slice(0, 10)}-snapshot-size`);
let path = `${base}.json`;
for (let n = 2; existsSync(path); n++) path = `${base}-${n}.json`;
writeFileSync(path, `${JSON.stringify(summary, null, 2)}\n`);
log(`wrote ${path}`);
console.log(JSON.stringify(results.map((r) => ({ name: r.name, v1GzipKB: kB(r.v1.gzipBytes), v2GzipKB: kB(r.v2.gzipBytes), v2KB: kB(r.v2.bytes), ratio: r.gzipRatio }))));
