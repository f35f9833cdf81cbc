/**
 * The CLI's one door to lib/snapshots (owned by the snapshots work): the JSON snapshot format,
 * reading snapshot files, diff, the offline HTML export and the dashboard's store. Parts that have
 * not landed there yet are marked INTERIM or NOT AVAILABLE below; switching to the real module is
 * one line each, and nothing else in cli/ imports lib/snapshots directly.
 */
import { parseSnapshotFile } from '../lib/snapshots/import';
import { newSnapshotId } from '../lib/snapshots/ids';
import { SNAPSHOT_FILE_KIND, SNAPSHOT_SCHEMA_VERSION, type Snapshot } from '../lib/snapshots/types';
import type { Posture } from '../lib/posture/types';
import { NotAvailableError, UsageError } from './errors';

export { parseSnapshotFile };
/** INTERIM until lib/snapshots exports diffPostures: `export { diffPostures } from '../lib/snapshots/diff'`. */
export { diffPostures, type PostureDiff, type DiffEntry, type SideState } from './interim/diff';

export type SnapshotFile = Snapshot & { kind: typeof SNAPSHOT_FILE_KIND };

/**
 * A posture as a snapshot file (`--format json`), the same shape the dashboard exports and imports.
 * INTERIM until lib/snapshots exports its own serializer; the unit tests check it against
 * lib/snapshots/schema.ts so the two cannot drift.
 */
export function toSnapshotFile(posture: Posture, opts: { now: Date; createdBy?: string }): SnapshotFile {
  return {
    kind: SNAPSHOT_FILE_KIND,
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    id: newSnapshotId(),
    createdAt: opts.now.toISOString(),
    createdBy: opts.createdBy ?? 'local',
    anonymized: false,
    posture,
  };
}

/** Reads a snapshot file for `diff`; a bare posture (an older `scan --format json`) is accepted too. */
export function readSnapshotText(text: string, file: string): Snapshot {
  const first = parseSnapshotFile(text);
  if (first.ok) return first.snapshot;
  let bare: unknown;
  try {
    bare = JSON.parse(text);
  } catch {
    bare = undefined;
  }
  if (bare && typeof bare === 'object' && 'findings' in bare && 'scores' in bare && !('posture' in bare)) {
    const posture = bare as Posture;
    const wrapped = parseSnapshotFile(JSON.stringify(toSnapshotFile(posture, { now: new Date(posture.collectedAt) })));
    if (wrapped.ok) return wrapped.snapshot;
    throw new UsageError(`${file}: ${wrapped.error.message}`);
  }
  throw new UsageError(`${file}: ${first.error.message}`);
}

const HTML_MISSING =
  '--format html is not available yet: the offline HTML export (lib/snapshots) has not landed. Use --format json and import the file in the dashboard.';
const STORE_MISSING =
  "--snapshot is not available yet: the dashboard's snapshot store (lib/snapshots) has not landed. Save the scan with --format json --output FILE and import it later.";

/** `--format html`. NOT AVAILABLE until lib/snapshots exports the self-contained HTML report. */
export function requireHtmlExport(): void {
  throw new NotAvailableError(HTML_MISSING);
}

export async function renderHtml(_file: SnapshotFile): Promise<string> {
  throw new NotAvailableError(HTML_MISSING);
}

/** `--snapshot`. NOT AVAILABLE until lib/snapshots exports its store. */
export function requireSnapshotStore(): void {
  throw new NotAvailableError(STORE_MISSING);
}

export async function storeSnapshot(_file: SnapshotFile): Promise<{ id: string }> {
  throw new NotAvailableError(STORE_MISSING);
}
