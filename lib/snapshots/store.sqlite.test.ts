import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqlite } from '../storage/sqlite';
import { loadPosture } from './__fixtures__';
import { condense } from './compact/condense';
import { freezeSnapshot } from './freeze';
import { SqlSnapshotStore } from './store/sql-store';
import { openStore, storeConfigFromEnv } from './store';
import { storeContract } from './store.contract';

const dir = mkdtempSync(join(tmpdir(), 'kp-store-'));
const path = join(dir, 'data', 'kube-posture.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

storeContract('SQLite (node:sqlite, WAL)', { open: () => openStore({ kind: 'sqlite', path }) });

describe('SQLite store file', () => {
  it('is in WAL mode and readable by its owner only', async () => {
    const store = await openStore({ kind: 'sqlite', path });
    await store.close();
    const db = openSqlite(path);
    expect(await db.all('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
    await db.close();
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'data')).mode & 0o777).toBe(0o700);
  });

  it('writes the compact form (version 2), and still reads version 1 bodies written before it', async () => {
    const db = openSqlite(':memory:');
    const store = await SqlSnapshotStore.open(db);
    try {
      const posture = loadPosture('managed');
      const s = freezeSnapshot(posture, { now: new Date(), createdBy: 'alice' });
      await store.create(s);
      const [row] = await db.all<{ body: string }>('SELECT body FROM snapshots WHERE id = ?', [s.id]);
      const body = JSON.parse(row?.body ?? '{}') as { schemaVersion: number; posture: Record<string, unknown> };
      expect(body.schemaVersion).toBe(2);
      expect(body.posture).toHaveProperty('strings');
      // A row from before version 2: the whole posture.
      await db.run('UPDATE snapshots SET body = ? WHERE id = ?', [JSON.stringify({ ...s, schemaVersion: 1, posture }), s.id]);
      expect(await store.get(s.id)).toEqual({ status: 'ok', snapshot: { ...s, posture: condense(posture) } });
    } finally {
      await store.close();
    }
  });

  it('works in memory too', async () => {
    const store = await SqlSnapshotStore.open(openSqlite(':memory:'));
    expect(store.kind).toBe('sqlite');
    await store.close();
  });
});

describe('storeConfigFromEnv', () => {
  it('picks PostgreSQL when DATABASE_URL is set, else SQLite under KUBE_POSTURE_DATA', () => {
    expect(storeConfigFromEnv({ DATABASE_URL: 'postgres://u@h/db' })).toEqual({ kind: 'postgres', url: 'postgres://u@h/db' });
    expect(storeConfigFromEnv({ KUBE_POSTURE_DATA: '/var/lib/kp' })).toEqual({ kind: 'sqlite', path: '/var/lib/kp/kube-posture.db' });
    expect(storeConfigFromEnv({})).toMatchObject({ kind: 'sqlite', path: expect.stringMatching(/\/\.data\/kube-posture\.db$/) });
  });
});
