import 'server-only';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { toFile } from '@/lib/snapshots/file';
import { parseSnapshotFile } from '@/lib/snapshots/import';
import type { SnapshotFile } from '@/lib/snapshots/types';

let sample: Promise<SnapshotFile> | undefined;

/**
 * The bundled sample snapshot (public/sample/snapshot.json), strictly validated like any import, in
 * compact form. It ships with the build and never changes, so it is read and checked once per process.
 */
export function loadSample(): Promise<SnapshotFile> {
  sample ??= readSample().catch((e: unknown) => {
    sample = undefined;
    throw e;
  });
  return sample;
}

async function readSample(): Promise<SnapshotFile> {
  const parsed = parseSnapshotFile(await readFile(join(process.cwd(), 'public', 'sample', 'snapshot.json'), 'utf8'));
  if (!parsed.ok) throw new Error(`the bundled sample snapshot is invalid: ${parsed.error.message}`);
  return toFile(parsed.snapshot);
}
