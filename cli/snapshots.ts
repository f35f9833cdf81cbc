/**
 * The CLI's one door to lib/snapshots (owned by the snapshots work): freezing a posture into a
 * snapshot, the JSON snapshot file, reading snapshot files, the offline HTML export, the
 * dashboard's store, and diff. Nothing else in cli/ imports lib/snapshots directly.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportHtml } from '../lib/snapshots/export/html';
import { exportJson } from '../lib/snapshots/export/json';
import { freezeSnapshot } from '../lib/snapshots/freeze';
import { parseSnapshotFile } from '../lib/snapshots/import';
import type { Snapshot } from '../lib/snapshots/types';
import type { Posture } from '../lib/posture/types';
import { UsageError } from './errors';

export type { Snapshot };
export { exportHtml, exportJson, parseSnapshotFile };
export { diffPostures, type PostureDiff, type DiffEntry, type SideState } from '../lib/snapshots/diff';

/** The repository root: where `kube-posture serve` (scripts/start.mjs) runs the dashboard. */
const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** A scan as a snapshot, authored `local` (the CLI runs with the operator's own kubeconfig). */
export function freeze(posture: Posture, now: Date): Snapshot {
  return freezeSnapshot(posture, { now, createdBy: 'local' });
}

/** Reads a snapshot file for `diff`; a bare posture (JSON of a Posture object) is accepted too. */
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
    const wrapped = parseSnapshotFile(exportJson(freeze(posture, new Date(posture.collectedAt))));
    if (wrapped.ok) return wrapped.snapshot;
    throw new UsageError(`${file}: ${wrapped.error.message}`);
  }
  throw new UsageError(`${file}: ${first.error.message}`);
}

/**
 * `scan --snapshot`: stores the snapshot where the dashboard reads it: DATABASE_URL (PostgreSQL),
 * else KUBE_POSTURE_DATA, else the .data folder of this checkout (where `kube-posture serve` runs).
 */
export async function storeSnapshot(snapshot: Snapshot, env: Record<string, string | undefined>): Promise<{ id: string; where: string }> {
  const { openStore, storeConfigFromEnv } = await import('../lib/snapshots/store/index');
  const cfg = storeConfigFromEnv({ ...env, KUBE_POSTURE_DATA: env.KUBE_POSTURE_DATA?.trim() || join(ROOT, '.data') });
  const store = await openStore(cfg);
  try {
    await store.create(snapshot, { context: snapshot.posture.cluster.context });
  } finally {
    await store.close();
  }
  return { id: snapshot.id, where: cfg.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : cfg.path };
}
