/**
 * Snapshots: an immutable, self-describing copy of one Posture, shareable by an unguessable id.
 * Everything a reader needs is inside (architecture, findings with evidence, scores, collection
 * issues, cluster identity, catalogue version, CVE feed date), so a snapshot renders anywhere,
 * offline, without a cluster.
 *
 * One thing is counted rather than listed: passing results about objects (a workload, a node, a
 * namespace…), per check, component and object kind (`passCounts`). They are most of the rows of
 * a large cluster and say nothing a reader acts on; scores and counts stay exact because they are
 * computed before (see compact/condense.ts). On disk and in the store a snapshot is written in the
 * compact form of compact/encode.ts (schema version 2); in memory it is this expanded shape.
 */
import type { StatusCounts } from '../checks/scoring';
import type { Area, Severity } from '../checks/types';
import type { Posture } from '../posture/types';
import type { Waiver, WaiverKey } from '../waivers/types';
import type { CompactPosture } from './compact/types';

/** 2: compact form with counted passes (compact/encode.ts). Version 1 files (full posture) are still read. */
export const SNAPSHOT_SCHEMA_VERSION = 2;

/** The `kind` an exported snapshot file carries, so a stray JSON file is told apart early. */
export const SNAPSHOT_FILE_KIND = 'kube-posture/snapshot';

/** How many objects of one kind passed one check on one component, in place of their rows. */
export interface PassCount {
  checkId: string;
  title: string;
  area: Area;
  severity: Severity;
  componentId: string;
  /** The kind of the objects, e.g. `Deployment`, `Node`. */
  kind: string;
  count: number;
}

/**
 * A posture as a snapshot holds it: every finding except passing ones about an object, which are
 * in `passCounts`. Scores, summary and counts are the original ones (computed over every row).
 */
export interface SnapshotPosture extends Posture {
  passCounts: PassCount[];
}

export interface Snapshot {
  schemaVersion: typeof SNAPSHOT_SCHEMA_VERSION;
  /** ≥128 bits of randomness, base64url (see ids.ts). */
  id: string;
  /** ISO-8601 UTC. */
  createdAt: string;
  /** Who froze it: a user name, `local`, or `anonymous` for anonymized snapshots. */
  createdBy: string;
  /** ISO-8601 UTC; after it the snapshot is gone (HTTP 410). */
  expiresAt?: string;
  /** Names were replaced by pseudonyms (see anonymize.ts). */
  anonymized: boolean;
  label?: string;
  posture: SnapshotPosture;
}

/** A snapshot as files and the store hold it (file.ts converts). */
export interface SnapshotFile extends Omit<Snapshot, 'posture'> {
  posture: CompactPosture;
}

/** A file of schema version 1: the whole posture, one row per check and target. Read, never written. */
export interface SnapshotFileV1 extends Omit<Snapshot, 'schemaVersion' | 'posture'> {
  schemaVersion: 1;
  posture: Posture;
}

/** One row of a context's history chart: no posture body, cheap to list. */
export interface SnapshotSummary {
  id: string;
  createdAt: string;
  createdBy: string;
  expiresAt?: string;
  anonymized: boolean;
  label?: string;
  /** Cluster score 0–100, or null when nothing could be scored. */
  score: number | null;
  /** Findings per status (waived counted under `waived` only). */
  counts: StatusCounts;
  /** Open (fail + warn, not waived) findings per severity. */
  bySeverity: Record<Severity, number>;
}

/** Why a known snapshot can no longer be read: the API answers 410 Gone for both. */
export type GoneReason = 'expired' | 'revoked';

export type GetSnapshotResult =
  | { status: 'ok'; snapshot: Snapshot }
  | { status: 'gone'; reason: GoneReason; at: string }
  | { status: 'not-found' };

/** The same, in the compact form the store holds (a page hands it to the browser to expand). */
export type GetSnapshotFileResult =
  | { status: 'ok'; file: SnapshotFile }
  | { status: 'gone'; reason: GoneReason; at: string }
  | { status: 'not-found' };

/** Whether a link can be read now, without reading its body. */
export type SnapshotStatus = { status: 'ok' } | { status: 'gone'; reason: GoneReason; at: string } | { status: 'not-found' };

export interface CreateOptions {
  /**
   * The cluster context the snapshot belongs to in history listings. Defaults to
   * `posture.cluster.context`; pass the real context for anonymized snapshots so they still show
   * in their cluster's history (the column is server-side only, never part of the snapshot).
   */
  context?: string;
  /** The clock for purging expired bodies (tests); default now. */
  now?: Date;
}

export interface ListOptions {
  now?: Date;
  /** Newest first; default 200, at most 1000. */
  limit?: number;
}

export interface ListWaiversOptions {
  /** Only waivers of this context. */
  context?: string;
  /** Include waivers whose expiry has passed (default false). */
  includeExpired?: boolean;
  now?: Date;
}

/**
 * Persistence for snapshots and waivers. Two implementations with one contract test
 * (store.contract.ts): SQLite (default, node:sqlite) and PostgreSQL (when DATABASE_URL is set).
 */
export interface SnapshotStore {
  readonly kind: 'sqlite' | 'postgres';
  /** Stores a new snapshot; rejects a duplicate id. Also purges bodies of expired snapshots. */
  create(snapshot: Snapshot, opts?: CreateOptions): Promise<void>;
  /** `gone` for expired or revoked snapshots (410), `not-found` for unknown ids (404). */
  get(id: string, now?: Date): Promise<GetSnapshotResult>;
  /** Like get(), without expanding: the compact file (version 1 rows converted). */
  getFile(id: string, now?: Date): Promise<GetSnapshotFileResult>;
  /** What getFile would answer, without reading or parsing the body (pages with a cached head ask this). */
  status(id: string, now?: Date): Promise<SnapshotStatus>;
  /** History of a context, newest first; expired and revoked snapshots are left out. */
  list(context: string, opts?: ListOptions): Promise<SnapshotSummary[]>;
  /** Revokes: the body is deleted, a tombstone stays so the link answers 410. False if unknown or already gone. */
  delete(id: string, now?: Date): Promise<boolean>;
  /** Deletes the bodies of expired snapshots (tombstones stay); returns how many. */
  purgeExpired(now?: Date): Promise<number>;

  /** Inserts or replaces the waiver with the same key (context, checkId, componentId, object). */
  upsertWaiver(waiver: Waiver): Promise<Waiver>;
  listWaivers(opts?: ListWaiversOptions): Promise<Waiver[]>;
  deleteWaiver(key: WaiverKey): Promise<boolean>;

  /** Applied schema versions, oldest first (for diagnostics and tests). */
  migrations(): Promise<{ version: number; name: string; appliedAt: string }[]>;
  close(): Promise<void>;
}
