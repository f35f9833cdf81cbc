import 'server-only';
/**
 * The process's snapshot store: PostgreSQL when DATABASE_URL is set, otherwise SQLite in
 * KUBE_POSTURE_DATA (default `./.data`, file `kube-posture.db`). Opened once, migrated on open,
 * kept on globalThis so every route bundle (and dev-server reloads) share one connection pool.
 */
import { join, resolve } from 'node:path';
import type { SnapshotStore } from '../types';
import { SqlSnapshotStore } from './sql-store';

export type StoreConfig = { kind: 'postgres'; url: string; schema?: string } | { kind: 'sqlite'; path: string };

export const SQLITE_FILE = 'kube-posture.db';

export function storeConfigFromEnv(env: Record<string, string | undefined> = process.env): StoreConfig {
  const url = env.DATABASE_URL?.trim();
  if (url) return { kind: 'postgres', url };
  const dir = env.KUBE_POSTURE_DATA?.trim() || './.data';
  return { kind: 'sqlite', path: resolve(join(dir, SQLITE_FILE)) };
}

export async function openStore(cfg: StoreConfig): Promise<SnapshotStore> {
  if (cfg.kind === 'postgres') {
    const { openPostgres } = await import('../../storage/postgres');
    return SqlSnapshotStore.open(await openPostgres(cfg.url, { schema: cfg.schema }));
  }
  const { openSqlite } = await import('../../storage/sqlite');
  return SqlSnapshotStore.open(openSqlite(cfg.path));
}

const KEY = Symbol.for('kube-posture.snapshot-store');

/** The shared store; a failed open is not cached, so the next request retries. */
export function getStore(): Promise<SnapshotStore> {
  const g = globalThis as unknown as Record<symbol, Promise<SnapshotStore> | undefined>;
  const existing = g[KEY];
  if (existing) return existing;
  const opening = openStore(storeConfigFromEnv()).catch((e: unknown) => {
    g[KEY] = undefined;
    throw e;
  });
  g[KEY] = opening;
  return opening;
}
