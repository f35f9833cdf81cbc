/**
 * Snapshot ids are capabilities: whoever has the link can read the snapshot. 18 random bytes
 * (144 bits) as base64url: 24 URL-safe characters, not guessable, not enumerable.
 */
import { randomBytes } from 'node:crypto';

export const SNAPSHOT_ID_BYTES = 18;
export const SNAPSHOT_ID = /^[A-Za-z0-9_-]{22,64}$/;

export function newSnapshotId(): string {
  return randomBytes(SNAPSHOT_ID_BYTES).toString('base64url');
}

export function isSnapshotId(s: string): boolean {
  return SNAPSHOT_ID.test(s);
}
