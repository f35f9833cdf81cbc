/**
 * The snapshot store's schema, version by version. Never edit a released migration: add one.
 *
 * Times are ISO-8601 UTC strings (`toISOString()`, fixed width) in both dialects, so they compare
 * as text and read back identically. The snapshot itself is JSON text in `body` (TEXT, not JSONB:
 * byte-for-byte what was frozen, and JSONB would reject `\u0000`), in the form of its schema
 * version (../file.ts: version 2 compact, version 1 rows still read); the summary columns serve the
 * history chart without parsing bodies. A revoked or expired-and-purged snapshot keeps its row
 * with `body` NULL: the tombstone that lets the API answer 410 instead of 404.
 */
import type { Migration } from '../../storage/migrate';

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'snapshots and waivers',
    sqlite: `
      CREATE TABLE snapshots (
        id TEXT PRIMARY KEY,
        context TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        expires_at TEXT,
        revoked_at TEXT,
        anonymized INTEGER NOT NULL CHECK (anonymized IN (0, 1)),
        label TEXT,
        score REAL,
        summary TEXT NOT NULL,
        body TEXT
      );
      CREATE INDEX snapshots_context_created ON snapshots (context, created_at DESC);
      CREATE INDEX snapshots_expires ON snapshots (expires_at) WHERE expires_at IS NOT NULL;
      CREATE TABLE waivers (
        context TEXT NOT NULL,
        check_id TEXT NOT NULL,
        component_id TEXT NOT NULL,
        object_ref TEXT NOT NULL DEFAULT '',
        reason TEXT NOT NULL,
        author TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        PRIMARY KEY (context, check_id, component_id, object_ref)
      );`,
    postgres: `
      CREATE TABLE snapshots (
        id TEXT PRIMARY KEY,
        context TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        expires_at TEXT,
        revoked_at TEXT,
        anonymized SMALLINT NOT NULL CHECK (anonymized IN (0, 1)),
        label TEXT,
        score DOUBLE PRECISION,
        summary TEXT NOT NULL,
        body TEXT
      );
      CREATE INDEX snapshots_context_created ON snapshots (context, created_at DESC);
      CREATE INDEX snapshots_expires ON snapshots (expires_at) WHERE expires_at IS NOT NULL;
      CREATE TABLE waivers (
        context TEXT NOT NULL,
        check_id TEXT NOT NULL,
        component_id TEXT NOT NULL,
        object_ref TEXT NOT NULL DEFAULT '',
        reason TEXT NOT NULL,
        author TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        PRIMARY KEY (context, check_id, component_id, object_ref)
      );`,
  },
];
