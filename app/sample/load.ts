import 'server-only';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseSnapshotFile } from '@/lib/snapshots/import';
import type { Snapshot } from '@/lib/snapshots/types';

/** The bundled sample snapshot (public/sample/snapshot.json), strictly validated like any import. */
export async function loadSample(): Promise<Snapshot> {
  const parsed = parseSnapshotFile(await readFile(join(process.cwd(), 'public', 'sample', 'snapshot.json'), 'utf8'));
  if (!parsed.ok) throw new Error(`the bundled sample snapshot is invalid: ${parsed.error.message}`);
  return parsed.snapshot;
}
