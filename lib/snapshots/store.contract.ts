/**
 * The SnapshotStore contract, written once and run against every implementation:
 * store.sqlite.test.ts (unit run) and store.pg.int.test.ts (integration run, real PostgreSQL).
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Waiver } from '../waivers/types';
import { loadPosture } from './__fixtures__';
import { fromFile, toFile } from './file';
import { freezeSnapshot } from './freeze';
import { DuplicateSnapshotError } from './store/sql-store';
import type { Snapshot, SnapshotStore } from './types';

const DAY = 86_400_000;

export interface StoreFactory {
  /** Opens a store on the same database each time (so reopening can be tested). */
  open(): Promise<SnapshotStore>;
}

export function storeContract(name: string, factory: StoreFactory): void {
  describe(`SnapshotStore contract: ${name}`, () => {
    let store: SnapshotStore;
    const weak = loadPosture('weak');
    const now = new Date();
    /** A context of its own per test: tests share one database. */
    const ctx = (label: string) => `ctx-${label}-${randomBytes(4).toString('hex')}`;
    const snap = (over: Partial<Snapshot> = {}, at = now): Snapshot => ({ ...freezeSnapshot(weak, { now: at, createdBy: 'alice' }), ...over });

    beforeAll(async () => {
      store = await factory.open();
    });
    afterAll(async () => {
      await store?.close();
    });

    it('records its schema migrations once, also when reopened', async () => {
      const again = await factory.open();
      try {
        const m = await again.migrations();
        expect(m.map((x) => x.version)).toEqual([1]);
        expect(m[0]?.name).toBe('snapshots and waivers');
        expect(await store.migrations()).toEqual(m);
      } finally {
        await again.close();
      }
    });

    it('round-trips a snapshot exactly, hostile strings included', async () => {
      const s = snap({ label: 'before upgrade <script>alert(1)</script> ünïcödé ✓' });
      const first = s.posture.architecture.components[0];
      if (first) first.name = '<img src=x onerror=alert(1)> \u0000 nul and "quotes" \u2028';
      await store.create(s, { context: ctx('roundtrip') });
      const got = await store.get(s.id);
      expect(got).toEqual({ status: 'ok', snapshot: s });
      // The compact file, as pages hand it to the browser, expands to the same snapshot.
      const file = await store.getFile(s.id);
      expect(file).toEqual({ status: 'ok', file: toFile(s) });
      expect(file.status === 'ok' ? fromFile(file.file) : undefined).toEqual(s);
    });

    it('rejects a duplicate id', async () => {
      const s = snap();
      await store.create(s);
      await expect(store.create(s)).rejects.toBeInstanceOf(DuplicateSnapshotError);
    });

    it('tells unknown (404) from expired and revoked (410)', async () => {
      expect(await store.get('AAAAAAAAAAAAAAAAAAAAAAAA')).toEqual({ status: 'not-found' });

      const expiring = snap({ expiresAt: new Date(now.getTime() + DAY).toISOString() });
      await store.create(expiring);
      expect((await store.get(expiring.id, now)).status).toBe('ok');
      const later = new Date(now.getTime() + 2 * DAY);
      expect(await store.get(expiring.id, later)).toEqual({ status: 'gone', reason: 'expired', at: expiring.expiresAt });
      expect(await store.getFile(expiring.id, later)).toEqual({ status: 'gone', reason: 'expired', at: expiring.expiresAt });
      expect(await store.getFile('AAAAAAAAAAAAAAAAAAAAAAAA')).toEqual({ status: 'not-found' });
      // status() answers what getFile would, without the body.
      expect(await store.status(expiring.id, now)).toEqual({ status: 'ok' });
      expect(await store.status(expiring.id, later)).toEqual({ status: 'gone', reason: 'expired', at: expiring.expiresAt });
      expect(await store.status('AAAAAAAAAAAAAAAAAAAAAAAA')).toEqual({ status: 'not-found' });

      const revoked = snap();
      await store.create(revoked);
      expect(await store.delete(revoked.id, now)).toBe(true);
      expect(await store.get(revoked.id)).toEqual({ status: 'gone', reason: 'revoked', at: now.toISOString() });
      expect(await store.status(revoked.id)).toEqual({ status: 'gone', reason: 'revoked', at: now.toISOString() });
      expect(await store.delete(revoked.id)).toBe(false);
      expect(await store.delete('BBBBBBBBBBBBBBBBBBBBBBBB')).toBe(false);
    });

    it('purges the bodies of expired snapshots and keeps a tombstone', async () => {
      const c = ctx('purge');
      const s = snap({ expiresAt: new Date(now.getTime() + DAY).toISOString() });
      await store.create(s, { context: c });
      const later = new Date(now.getTime() + 3 * DAY);
      expect(await store.purgeExpired(later)).toBeGreaterThanOrEqual(1);
      expect(await store.get(s.id, now)).toMatchObject({ status: 'gone', reason: 'expired' });
      // A purged body reads as expired even at a time before its expiry.
      expect(await store.status(s.id, now)).toMatchObject({ status: 'gone', reason: 'expired' });
      expect(await store.list(c, { now })).toEqual([]);
    });

    it('lists a context’s history newest first, without expired or revoked snapshots', async () => {
      const c = ctx('history');
      const t = (days: number) => new Date(now.getTime() - days * DAY);
      const a = snap({ label: 'oldest' }, t(3));
      const b = snap({}, t(2));
      const gone = snap({}, t(1));
      const expired = snap({ expiresAt: new Date(now.getTime() - 1000).toISOString() }, t(1));
      const other = snap();
      for (const s of [a, b, gone]) await store.create(s, { context: c, now: t(10) });
      await store.create(expired, { context: c, now: t(10) });
      await store.create(other, { context: ctx('other') });
      await store.delete(gone.id);

      const rows = await store.list(c, { now });
      expect(rows.map((r) => r.id)).toEqual([b.id, a.id]);
      expect(rows[1]).toEqual({
        id: a.id,
        createdAt: a.createdAt,
        createdBy: 'alice',
        anonymized: false,
        label: 'oldest',
        score: weak.scores.cluster.score,
        counts: weak.scores.cluster.counts,
        bySeverity: weak.scores.bySeverity,
      });
      expect(await store.list(c, { now, limit: 1 })).toHaveLength(1);
      expect(await store.list(ctx('empty'))).toEqual([]);
    });

    it('files an anonymized snapshot under the context it was taken from', async () => {
      const c = ctx('anon');
      const s = freezeSnapshot(weak, { now, createdBy: 'alice', anonymize: true });
      expect(s.posture.cluster.context).not.toBe(weak.cluster.context);
      await store.create(s, { context: c });
      expect((await store.list(c)).map((r) => [r.id, r.anonymized, r.createdBy])).toEqual([[s.id, true, 'anonymous']]);
    });

    it('serves many concurrent writers and readers', async () => {
      const c = ctx('concurrent');
      const many = Array.from({ length: 12 }, (_, i) => snap({ label: `n${i}` }));
      await Promise.all(many.map((s) => store.create(s, { context: c })));
      const got = await Promise.all(many.map((s) => store.get(s.id)));
      expect(got.every((g) => g.status === 'ok')).toBe(true);
      expect(await store.list(c)).toHaveLength(12);
    });

    describe('waivers', () => {
      const waiver = (context: string, over: Partial<Waiver> = {}): Waiver => ({
        context,
        checkId: 'pod-privileged',
        target: { componentId: 'cluster', object: 'Deployment team-a/reports' },
        reason: 'legacy agent until Q3',
        author: 'alice',
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + 30 * DAY).toISOString(),
        ...over,
      });

      it('upserts by (context, check, component, object), lists and deletes', async () => {
        const c = ctx('waivers');
        const w = waiver(c);
        expect(await store.upsertWaiver(w)).toEqual(w);
        const replaced = { ...w, reason: 'extended', author: 'bob' };
        await store.upsertWaiver(replaced);
        const wholeComponent = waiver(c, { target: { componentId: 'cluster' } });
        await store.upsertWaiver(wholeComponent);
        await store.upsertWaiver(waiver(ctx('elsewhere')));

        expect(await store.listWaivers({ context: c, now })).toEqual([wholeComponent, replaced]);
        expect(await store.deleteWaiver({ context: c, checkId: w.checkId, target: w.target })).toBe(true);
        expect(await store.deleteWaiver({ context: c, checkId: w.checkId, target: w.target })).toBe(false);
        expect(await store.listWaivers({ context: c, now })).toEqual([wholeComponent]);
      });

      it('leaves expired waivers out unless asked', async () => {
        const c = ctx('expired-waivers');
        const old = waiver(c, { checkId: 'old-check', expiresAt: new Date(now.getTime() - DAY).toISOString() });
        const live = waiver(c);
        await store.upsertWaiver(old);
        await store.upsertWaiver(live);
        expect(await store.listWaivers({ context: c, now })).toEqual([live]);
        expect(await store.listWaivers({ context: c, now, includeExpired: true })).toEqual([old, live]);
        expect((await store.listWaivers({ now })).some((x) => x.context === c)).toBe(true);
      });
    });
  });
}
