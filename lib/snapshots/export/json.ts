/**
 * The snapshot file: `kind` first, so a reader (or import) knows what it is before anything else,
 * then the snapshot in its compact form (../file.ts). Import (../import.ts) reads exactly this.
 * One line: the compact form is mostly columns of numbers, which indentation would put one per line.
 */
import { toFile } from '../file';
import { SNAPSHOT_FILE_KIND, type Snapshot } from '../types';

export function exportJson(snapshot: Snapshot): string {
  return `${JSON.stringify({ kind: SNAPSHOT_FILE_KIND, ...toFile(snapshot) })}\n`;
}
