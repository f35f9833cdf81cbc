/**
 * Snapshot ⇄ the form files and the store hold. Version 2 writes the compact form
 * (compact/encode.ts); version 1 (the whole posture, written before) is read by counting its
 * passes (compact/condense.ts), so old files and old store rows open as if written today.
 */
import { condense } from './compact/condense';
import { decodePosture, type DecodeLimits } from './compact/decode';
import { encodePosture } from './compact/encode';
import { SNAPSHOT_SCHEMA_VERSION, type Snapshot, type SnapshotFile, type SnapshotFileV1 } from './types';

export function toFile(s: Snapshot): SnapshotFile {
  return { ...s, posture: encodePosture(s.posture) };
}

export function fromFile(f: SnapshotFile, limits?: DecodeLimits): Snapshot {
  return { ...f, posture: decodePosture(f.posture, limits) };
}

export function fromV1(f: SnapshotFileV1): Snapshot {
  return { ...f, schemaVersion: SNAPSHOT_SCHEMA_VERSION, posture: condense(f.posture) };
}
