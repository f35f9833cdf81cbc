/**
 * Versioned schema migrations, recorded in `schema_migrations`. Each migration carries its DDL
 * for both dialects; all pending ones run in one transaction, under a lock (BEGIN IMMEDIATE on
 * SQLite, an advisory lock on PostgreSQL) so two servers starting together migrate once. A
 * database newer than the code is refused rather than misread.
 */
import type { SqlDriver } from './driver';

export interface Migration {
  version: number;
  name: string;
  sqlite: string;
  postgres: string;
}

export interface AppliedMigration {
  version: number;
  name: string;
  appliedAt: string;
}

const LOCK_KEY = 0x6b70_6d67; // "kpmg"

export class SchemaTooNewError extends Error {
  override readonly name = 'SchemaTooNewError';
}

export async function migrate(db: SqlDriver, migrations: readonly Migration[], now = new Date()): Promise<AppliedMigration[]> {
  const sorted = [...migrations].sort((a, b) => a.version - b.version);
  return db.transaction(async (tx) => {
    if (tx.dialect === 'postgres') await tx.all('SELECT pg_advisory_xact_lock(?)', [LOCK_KEY]);
    await tx.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    const applied = await tx.all<{ version: number }>('SELECT version FROM schema_migrations');
    const done = new Set(applied.map((r) => Number(r.version)));
    const newest = Math.max(0, ...done);
    const known = Math.max(0, ...sorted.map((m) => m.version));
    if (newest > known) {
      throw new SchemaTooNewError(`The database schema is at version ${newest}, newer than this kube-posture knows (${known}). Upgrade kube-posture or use another database.`);
    }
    for (const m of sorted) {
      if (done.has(m.version)) continue;
      await tx.exec(tx.dialect === 'sqlite' ? m.sqlite : m.postgres);
      await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [m.version, m.name, now.toISOString()]);
    }
    const rows = await tx.all<{ version: number; name: string; applied_at: string }>('SELECT version, name, applied_at FROM schema_migrations ORDER BY version');
    return rows.map((r) => ({ version: Number(r.version), name: r.name, appliedAt: r.applied_at }));
  });
}
