import 'server-only';
/**
 * PostgreSQL through `pg`: a small pool, `?` placeholders numbered to `$n`, transactions on one
 * pooled client. `schema` (tests) puts every table in a schema of its own via search_path.
 */
import pg from 'pg';
import { UniqueViolationError, type SqlDriver, type SqlValue } from './driver';

type Queryable = Pick<pg.Pool, 'query'> | pg.PoolClient;

/** `?` → `$1, $2 …` (our statements never contain a literal question mark). */
export function numberPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

function translate(e: unknown): unknown {
  if (e && typeof e === 'object' && (e as { code?: unknown }).code === '23505') return new UniqueViolationError((e as Error).message);
  return e;
}

class PostgresDriver implements SqlDriver {
  readonly dialect = 'postgres' as const;
  private readonly q: Queryable;
  private readonly pool: pg.Pool | undefined;

  constructor(q: Queryable, pool: pg.Pool | undefined) {
    this.q = q;
    this.pool = pool;
  }

  async all<T extends object>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    try {
      const r = await this.q.query(numberPlaceholders(sql), params as SqlValue[]);
      return r.rows as T[];
    } catch (e) {
      throw translate(e);
    }
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    try {
      const r = await this.q.query(numberPlaceholders(sql), params as SqlValue[]);
      return r.rowCount ?? 0;
    } catch (e) {
      throw translate(e);
    }
  }

  async exec(sql: string): Promise<void> {
    await this.q.query(sql);
  }

  async transaction<T>(fn: (tx: SqlDriver) => Promise<T>): Promise<T> {
    if (!this.pool) throw new Error('nested transactions are not supported');
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const out = await fn(new PostgresDriver(client, undefined));
      await client.query('COMMIT');
      return out;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw translate(e);
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool?.end();
  }
}

export interface PostgresOptions {
  /** Use (and create) this schema instead of `public`. */
  schema?: string;
  max?: number;
}

export async function openPostgres(connectionString: string, opts: PostgresOptions = {}): Promise<SqlDriver> {
  if (opts.schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(opts.schema)) throw new Error(`invalid schema name: ${opts.schema}`);
  const pool = new pg.Pool({
    connectionString,
    max: opts.max ?? 5,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 10_000,
    ...(opts.schema ? { options: `-c search_path=${opts.schema}` } : {}),
  });
  // An idle client losing its connection must not crash the server; the next query reconnects.
  pool.on('error', (e) => console.error('[kube-posture] PostgreSQL pool error:', e.message));
  if (opts.schema) {
    // Two pools creating the same schema at once can both pass IF NOT EXISTS; one then sees a
    // unique violation (23505) or duplicate schema (42P06): the schema exists, which is the point.
    await pool.query(`CREATE SCHEMA IF NOT EXISTS ${opts.schema}`).catch((e: { code?: string }) => {
      if (e.code !== '23505' && e.code !== '42P06') throw e;
    });
  }
  return new PostgresDriver(pool, pool);
}
