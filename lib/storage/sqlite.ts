import 'server-only';
/**
 * SQLite through Node's built-in node:sqlite (no native add-on to build). One file, WAL mode
 * (readers never block the writer), owner-only permissions: snapshots describe a cluster's
 * weaknesses.
 */
import { chmodSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import { Mutex, UniqueViolationError, type SqlDriver, type SqlValue } from './driver';

function translate(e: unknown): unknown {
  if (e instanceof Error && /UNIQUE constraint failed|PRIMARY KEY constraint failed/.test(e.message)) return new UniqueViolationError(e.message);
  return e;
}

class SqliteDriver implements SqlDriver {
  readonly dialect = 'sqlite' as const;
  private readonly db: DatabaseSync;
  private readonly lock: Mutex;
  private readonly inTx: boolean;
  private readonly statements: Map<string, StatementSync>;

  constructor(db: DatabaseSync, lock: Mutex, inTx: boolean, statements: Map<string, StatementSync>) {
    this.db = db;
    this.lock = lock;
    this.inTx = inTx;
    this.statements = statements;
  }

  private guarded<T>(fn: () => T): Promise<T> {
    const call = () => {
      try {
        return fn();
      } catch (e) {
        throw translate(e);
      }
    };
    return this.inTx ? Promise.resolve().then(call) : this.lock.run(call);
  }

  private prepare(sql: string): StatementSync {
    let st = this.statements.get(sql);
    if (!st) {
      st = this.db.prepare(sql);
      this.statements.set(sql, st);
    }
    return st;
  }

  all<T extends object>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    return this.guarded(() => this.prepare(sql).all(...(params as SQLInputValue[])) as T[]);
  }

  run(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    return this.guarded(() => Number(this.prepare(sql).run(...(params as SQLInputValue[])).changes));
  }

  exec(sql: string): Promise<void> {
    return this.guarded(() => this.db.exec(sql));
  }

  transaction<T>(fn: (tx: SqlDriver) => Promise<T>): Promise<T> {
    if (this.inTx) return Promise.reject(new Error('nested transactions are not supported'));
    return this.lock.run(async () => {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const out = await fn(new SqliteDriver(this.db, this.lock, true, this.statements));
        this.db.exec('COMMIT');
        return out;
      } catch (e) {
        if (this.db.isTransaction) this.db.exec('ROLLBACK');
        throw translate(e);
      }
    });
  }

  close(): Promise<void> {
    return this.lock.run(() => {
      if (this.db.isOpen) this.db.close();
    });
  }
}

/** Opens (creating if needed) the database file; `:memory:` for a throwaway database. */
export function openSqlite(path: string): SqlDriver {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const db = new DatabaseSync(path, { timeout: 5_000 });
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;');
  if (path !== ':memory:') chmodSync(path, 0o600);
  return new SqliteDriver(db, new Mutex(), false, new Map());
}
