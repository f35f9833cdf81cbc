/**
 * Posture → Snapshot: passing rows about objects counted (compact/condense.ts), a deep copy
 * (later changes to the scan record cannot reach it), an id, the metadata, and, when asked,
 * anonymization with a fresh random key that is never stored.
 */
import { randomBytes } from 'node:crypto';
import type { Posture } from '../posture/types';
import { anonymizePosture } from './anonymize';
import { condense } from './compact/condense';
import { newSnapshotId } from './ids';
import { SNAPSHOT_SCHEMA_VERSION, type Snapshot } from './types';

export const MAX_EXPIRY_DAYS = 3650;

export interface FreezeOptions {
  now: Date;
  createdBy: string;
  anonymize?: boolean;
  expiresInDays?: number;
  label?: string;
  /** The anonymization key; tests pass one, everyone else gets 32 random bytes. */
  key?: Uint8Array;
}

export function freezeSnapshot(posture: Posture, opts: FreezeOptions): Snapshot {
  // Counted first: the copy and the anonymization then only see the rows that are kept.
  const copy = structuredClone(condense(posture));
  const anonymized = opts.anonymize === true;
  return {
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    id: newSnapshotId(),
    createdAt: opts.now.toISOString(),
    createdBy: anonymized ? 'anonymous' : opts.createdBy,
    ...(opts.expiresInDays ? { expiresAt: new Date(opts.now.getTime() + opts.expiresInDays * 86_400_000).toISOString() } : {}),
    anonymized,
    ...(opts.label ? { label: opts.label } : {}),
    posture: anonymized ? anonymizePosture(copy, opts.key ?? randomBytes(32)) : copy,
  };
}
