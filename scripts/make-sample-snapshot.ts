/**
 * Makes the sample snapshot files from a posture: `snapshot.json` (importable), `snapshot.html`
 * (the offline report) and `findings.csv`.
 *
 *   node scripts/make-sample-snapshot.ts --posture FILE [--out DIR] [--label TEXT] [--anonymize]
 *
 * FILE is a snapshot file (e.g. `kube-posture scan --format json` of the weak local cluster) or a
 * bare Posture as JSON. DIR defaults to ./sample-snapshot. Runs on Node 24 (type stripping).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from './register-ts-hooks.ts';

const { values } = parseArgs({
  options: {
    posture: { type: 'string' },
    out: { type: 'string', default: 'sample-snapshot' },
    label: { type: 'string', default: 'Sample: the weak local cluster' },
    anonymize: { type: 'boolean', default: false },
  },
});
if (!values.posture) {
  console.error('usage: node scripts/make-sample-snapshot.ts --posture FILE [--out DIR] [--label TEXT] [--anonymize]');
  process.exit(2);
}

const load = (p: string) => import(new URL(p, ROOT).href);
const { freezeSnapshot } = await load('lib/snapshots/freeze.ts');
const { parseSnapshotFile } = await load('lib/snapshots/import.ts');
const { exportJson } = await load('lib/snapshots/export/json.ts');
const { exportHtml } = await load('lib/snapshots/export/html.ts');
const { exportCsv } = await load('lib/snapshots/export/csv.ts');

const text = readFileSync(resolve(values.posture), 'utf8');
const raw = JSON.parse(text) as Record<string, unknown>;
// Accept a snapshot file (any version: take its posture, as import reads it) or a bare posture.
let posture: unknown = raw;
if ('posture' in raw) {
  const file = parseSnapshotFile(text, Number.MAX_SAFE_INTEGER);
  if (!file.ok) {
    console.error(`${values.posture} is not a valid snapshot file: ${file.error.message}`);
    process.exit(1);
  }
  posture = file.snapshot.posture;
}
const snapshot = freezeSnapshot(posture, { now: new Date(), createdBy: 'kube-posture sample', label: values.label, anonymize: values.anonymize });
const json = exportJson(snapshot);
const check = parseSnapshotFile(json);
if (!check.ok) {
  console.error(`The posture does not make a valid snapshot: ${check.error.message}`);
  process.exit(1);
}
const out = resolve(values.out);
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'snapshot.json'), json);
writeFileSync(join(out, 'snapshot.html'), exportHtml(snapshot));
writeFileSync(join(out, 'findings.csv'), exportCsv(snapshot));
console.log(`wrote snapshot.json, snapshot.html and findings.csv to ${out}`);
