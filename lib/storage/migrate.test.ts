import { describe, expect, it } from 'vitest';
import { migrate, SchemaTooNewError, type Migration } from './migrate';
import { openSqlite } from './sqlite';

const M: Migration[] = [
  { version: 1, name: 'one', sqlite: 'CREATE TABLE a (x TEXT);', postgres: '' },
  { version: 2, name: 'two', sqlite: 'CREATE TABLE b (y TEXT);', postgres: '' },
];

describe('migrate (SQLite)', () => {
  it('applies pending migrations in order, once', async () => {
    const db = openSqlite(':memory:');
    expect((await migrate(db, [M[0] as Migration])).map((m) => m.version)).toEqual([1]);
    expect((await migrate(db, M)).map((m) => m.version)).toEqual([1, 2]);
    expect((await migrate(db, M)).map((m) => m.version)).toEqual([1, 2]);
    await db.run('INSERT INTO b (y) VALUES (?)', ['ok']);
    await db.close();
  });

  it('rolls a failing migration back entirely', async () => {
    const db = openSqlite(':memory:');
    const bad: Migration = { version: 3, name: 'bad', sqlite: 'CREATE TABLE c (z TEXT); SELECT * FROM missing;', postgres: '' };
    await expect(migrate(db, [...M, bad])).rejects.toThrow(/missing/);
    expect(await db.all("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('a', 'c')")).toEqual([]);
    await db.close();
  });

  it('refuses a database newer than the code', async () => {
    const db = openSqlite(':memory:');
    await migrate(db, M);
    await expect(migrate(db, [M[0] as Migration])).rejects.toBeInstanceOf(SchemaTooNewError);
    await db.close();
  });

  it('keeps transactions of concurrent callers apart', async () => {
    const db = openSqlite(':memory:');
    await db.exec('CREATE TABLE t (n INTEGER)');
    const failing = db.transaction(async (tx) => {
      await tx.run('INSERT INTO t (n) VALUES (1)');
      await new Promise((r) => setTimeout(r, 10));
      throw new Error('boom');
    });
    const other = db.run('INSERT INTO t (n) VALUES (2)');
    await expect(failing).rejects.toThrow('boom');
    await other;
    expect(await db.all('SELECT n FROM t')).toEqual([{ n: 2 }]);
    await db.close();
  });
});
