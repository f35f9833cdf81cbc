/**
 * SnapshotStore over any SqlDriver: the same statements on SQLite and PostgreSQL.
 */
import { migrate, type AppliedMigration } from '../../storage/migrate';
import { UniqueViolationError, type SqlDriver } from '../../storage/driver';
import type { Waiver, WaiverKey } from '../../waivers/types';
import { fromFile, fromV1, toFile } from '../file';
import { summaryOf } from '../summary';
import type { CreateOptions, GetSnapshotFileResult, GetSnapshotResult, ListOptions, ListWaiversOptions, Snapshot, SnapshotFile, SnapshotFileV1, SnapshotStatus, SnapshotStore, SnapshotSummary } from '../types';
import { MIGRATIONS } from './migrations';

export class DuplicateSnapshotError extends Error {
  override readonly name = 'DuplicateSnapshotError';
}

interface SnapshotRow {
  id: string;
  created_at: string;
  created_by: string;
  expires_at: string | null;
  revoked_at: string | null;
  anonymized: number;
  label: string | null;
  score: number | null;
  summary: string;
  body: string | null;
}

interface WaiverRow {
  context: string;
  check_id: string;
  component_id: string;
  object_ref: string;
  reason: string;
  author: string;
  created_at: string;
  expires_at: string;
}

const iso = (d: Date) => d.toISOString();

function waiverOf(r: WaiverRow): Waiver {
  return {
    context: r.context,
    checkId: r.check_id,
    target: { componentId: r.component_id, ...(r.object_ref ? { object: r.object_ref } : {}) },
    reason: r.reason,
    author: r.author,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
  };
}

function summaryRow(r: SnapshotRow): SnapshotSummary {
  const s = JSON.parse(r.summary) as Pick<SnapshotSummary, 'counts' | 'bySeverity'>;
  return {
    id: r.id,
    createdAt: r.created_at,
    createdBy: r.created_by,
    ...(r.expires_at ? { expiresAt: r.expires_at } : {}),
    anonymized: Number(r.anonymized) === 1,
    ...(r.label ? { label: r.label } : {}),
    score: r.score === null ? null : Number(r.score),
    counts: s.counts,
    bySeverity: s.bySeverity,
  };
}

/** Readable, revoked, expired (or purged) or unknown: from the row's dates and whether it still has a body. */
function statusOf(row: Pick<SnapshotRow, 'expires_at' | 'revoked_at' | 'body'> | undefined, now: Date): SnapshotStatus {
  if (!row) return { status: 'not-found' };
  if (row.revoked_at) return { status: 'gone', reason: 'revoked', at: row.revoked_at };
  if (row.expires_at && row.expires_at <= iso(now)) return { status: 'gone', reason: 'expired', at: row.expires_at };
  if (row.body === null) return { status: 'gone', reason: 'expired', at: row.expires_at ?? iso(now) };
  return { status: 'ok' };
}

export class SqlSnapshotStore implements SnapshotStore {
  readonly kind: SnapshotStore['kind'];
  private readonly db: SqlDriver;

  private constructor(db: SqlDriver) {
    this.db = db;
    this.kind = db.dialect;
  }

  /** Opens the store on a driver, applying pending migrations first. */
  static async open(db: SqlDriver): Promise<SqlSnapshotStore> {
    await migrate(db, MIGRATIONS);
    return new SqlSnapshotStore(db);
  }

  async create(snapshot: Snapshot, opts: CreateOptions = {}): Promise<void> {
    const summary = summaryOf(snapshot);
    await this.purgeExpired(opts.now ?? new Date());
    try {
      await this.db.run(
        `INSERT INTO snapshots (id, context, created_at, created_by, expires_at, revoked_at, anonymized, label, score, summary, body)
         VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?)`,
        [
          snapshot.id,
          opts.context ?? snapshot.posture.cluster.context,
          snapshot.createdAt,
          snapshot.createdBy,
          snapshot.expiresAt ?? null,
          snapshot.anonymized ? 1 : 0,
          snapshot.label ?? null,
          summary.score,
          JSON.stringify({ counts: summary.counts, bySeverity: summary.bySeverity }),
          JSON.stringify(toFile(snapshot)),
        ],
      );
    } catch (e) {
      if (e instanceof UniqueViolationError) throw new DuplicateSnapshotError(`A snapshot with id ${snapshot.id} already exists.`);
      throw e;
    }
  }

  async get(id: string, now = new Date()): Promise<GetSnapshotResult> {
    const r = await this.getFile(id, now);
    return r.status === 'ok' ? { status: 'ok', snapshot: fromFile(r.file) } : r;
  }

  async getFile(id: string, now = new Date()): Promise<GetSnapshotFileResult> {
    const [row] = await this.db.all<SnapshotRow>('SELECT id, expires_at, revoked_at, body FROM snapshots WHERE id = ?', [id]);
    const readable = statusOf(row, now);
    if (readable.status !== 'ok') return readable;
    if (!row?.body) return { status: 'not-found' }; // not reached: statusOf saw a body
    // Bodies are written by this store: version 2 (compact) now, version 1 (whole posture) before.
    const body = JSON.parse(row.body) as SnapshotFile | SnapshotFileV1;
    return { status: 'ok', file: body.schemaVersion === 1 ? toFile(fromV1(body)) : body };
  }

  async status(id: string, now = new Date()): Promise<SnapshotStatus> {
    const [row] = await this.db.all<SnapshotRow>('SELECT id, expires_at, revoked_at, CASE WHEN body IS NULL THEN NULL ELSE 1 END AS body FROM snapshots WHERE id = ?', [id]);
    return statusOf(row, now);
  }

  async list(context: string, opts: ListOptions = {}): Promise<SnapshotSummary[]> {
    const limit = Math.min(Math.max(1, Math.trunc(opts.limit ?? 200)), 1000);
    const rows = await this.db.all<SnapshotRow>(
      `SELECT id, created_at, created_by, expires_at, anonymized, label, score, summary FROM snapshots
       WHERE context = ? AND revoked_at IS NULL AND body IS NOT NULL AND (expires_at IS NULL OR expires_at > ?)
       ORDER BY created_at DESC, id LIMIT ?`,
      [context, iso(opts.now ?? new Date()), limit],
    );
    return rows.map(summaryRow);
  }

  async delete(id: string, now = new Date()): Promise<boolean> {
    const n = await this.db.run('UPDATE snapshots SET body = NULL, revoked_at = ? WHERE id = ? AND revoked_at IS NULL', [iso(now), id]);
    return n > 0;
  }

  purgeExpired(now = new Date()): Promise<number> {
    return this.db.run('UPDATE snapshots SET body = NULL WHERE expires_at IS NOT NULL AND expires_at <= ? AND body IS NOT NULL', [iso(now)]);
  }

  async upsertWaiver(w: Waiver): Promise<Waiver> {
    await this.db.run(
      `INSERT INTO waivers (context, check_id, component_id, object_ref, reason, author, created_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (context, check_id, component_id, object_ref)
       DO UPDATE SET reason = excluded.reason, author = excluded.author, created_at = excluded.created_at, expires_at = excluded.expires_at`,
      [w.context, w.checkId, w.target.componentId, w.target.object ?? '', w.reason, w.author, w.createdAt, w.expiresAt],
    );
    return w;
  }

  async listWaivers(opts: ListWaiversOptions = {}): Promise<Waiver[]> {
    const where: string[] = [];
    const params: string[] = [];
    if (opts.context !== undefined) {
      where.push('context = ?');
      params.push(opts.context);
    }
    if (!opts.includeExpired) {
      where.push('expires_at > ?');
      params.push(iso(opts.now ?? new Date()));
    }
    const rows = await this.db.all<WaiverRow>(
      `SELECT * FROM waivers ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY context, check_id, component_id, object_ref`,
      params,
    );
    return rows.map(waiverOf);
  }

  async deleteWaiver(key: WaiverKey): Promise<boolean> {
    const n = await this.db.run('DELETE FROM waivers WHERE context = ? AND check_id = ? AND component_id = ? AND object_ref = ?', [
      key.context,
      key.checkId,
      key.target.componentId,
      key.target.object ?? '',
    ]);
    return n > 0;
  }

  async migrations(): Promise<AppliedMigration[]> {
    const rows = await this.db.all<{ version: number; name: string; applied_at: string }>('SELECT version, name, applied_at FROM schema_migrations ORDER BY version');
    return rows.map((r) => ({ version: Number(r.version), name: r.name, appliedAt: r.applied_at }));
  }

  close(): Promise<void> {
    return this.db.close();
  }
}
