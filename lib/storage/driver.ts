/**
 * The little SQL both stores need, over SQLite (node:sqlite) and PostgreSQL (pg). Statements use
 * `?` placeholders; the PostgreSQL driver numbers them. Everything else about the dialects (DDL,
 * column types) lives in the migrations.
 */
export type SqlValue = string | number | null;
export type Dialect = 'sqlite' | 'postgres';

export interface SqlDriver {
  readonly dialect: Dialect;
  /** Rows of a query, as plain objects keyed by column name. */
  all<T extends object>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** Runs a statement; returns the number of rows changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
  /** Runs a script of statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** Runs `fn` in one transaction: commit when it resolves, roll back when it throws. */
  transaction<T>(fn: (tx: SqlDriver) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** A uniqueness violation, whatever the dialect reports. */
export class UniqueViolationError extends Error {
  override readonly name = 'UniqueViolationError';
}

/**
 * Serializes async work: with one synchronous SQLite connection, a transaction that awaits must
 * not see another caller's statements in the middle of it.
 */
export class Mutex {
  private tail: Promise<void> = Promise.resolve();

  run<T>(fn: () => Promise<T> | T): Promise<T> {
    const result = this.tail.then(fn);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}
