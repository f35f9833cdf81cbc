/**
 * The snapshot file: the Snapshot object with `kind` first, so a reader (or import) knows what it
 * is before anything else. Import (../import.ts) reads exactly this.
 */
import { SNAPSHOT_FILE_KIND, type Snapshot } from '../types';

export function exportJson(snapshot: Snapshot): string {
  return `${JSON.stringify({ kind: SNAPSHOT_FILE_KIND, ...snapshot }, null, 1)}\n`;
}
