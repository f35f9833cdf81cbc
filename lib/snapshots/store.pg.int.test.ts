/**
 * The SnapshotStore contract on a real PostgreSQL. Needs DATABASE_URL (scripts/pg-test.sh starts
 * a throwaway server and prints one: `scripts/pg-test.sh run -- npx vitest run -c
 * vitest.integration.config.ts lib/snapshots`). Each run works in a schema of its own, dropped
 * afterwards. Without DATABASE_URL the suite is skipped, and says why.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate, SchemaTooNewError } from '../storage/migrate';
import { openPostgres } from '../storage/postgres';
import { openStore } from './store';
import { MIGRATIONS } from './store/migrations';
import { storeContract } from './store.contract';

const url = process.env.DATABASE_URL;
const schema = `kp_test_${randomBytes(6).toString('hex')}`;
const SKIP_REASON = 'skipped: DATABASE_URL is not set (scripts/pg-test.sh starts a throwaway PostgreSQL and prints one)';

if (!url) {
  console.warn(`[store.pg.int.test] PostgreSQL contract ${SKIP_REASON}`);
  describe.skip(`PostgreSQL store: ${SKIP_REASON}`, () => {
    it('runs the SnapshotStore contract on PostgreSQL', () => undefined);
  });
} else {
  afterAll(async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.query(`DROP SCHEMA IF EXISTS ${schema}_newer CASCADE`);
    await client.end();
  });

  storeContract(`PostgreSQL (schema ${schema})`, { open: () => openStore({ kind: 'postgres', url, schema }) });

  describe('PostgreSQL migrations', () => {
    it('two stores opening at once migrate once', async () => {
      const s = `${schema}_race`;
      const [a, b] = await Promise.all([openStore({ kind: 'postgres', url, schema: s }), openStore({ kind: 'postgres', url, schema: s })]);
      expect((await a.migrations()).map((m) => m.version)).toEqual([1]);
      await Promise.all([a.close(), b.close()]);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`DROP SCHEMA ${s} CASCADE`);
      await client.end();
    });

    it('refuses a database newer than the code', async () => {
      const db = await openPostgres(url, { schema: `${schema}_newer` });
      await migrate(db, MIGRATIONS);
      await db.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [99, 'future', new Date().toISOString()]);
      await expect(migrate(db, MIGRATIONS)).rejects.toBeInstanceOf(SchemaTooNewError);
      await db.close();
    });
  });
}
