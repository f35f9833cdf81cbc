/**
 * Makes an expired copy of an existing snapshot in the store the dashboard under test uses
 * (DATABASE_URL, or SQLite in KUBE_POSTURE_DATA), as if it had been taken two days ago with a
 * one-day expiry, and prints the copy's id. The browser test cannot wait a day for a link to
 * expire; the store's own create() and the server's clock do the rest.
 *
 *   node --conditions=react-server --import ./scripts/register-ts-hooks.ts e2e/support/plant-expired-snapshot.ts <id>
 */
import { newSnapshotId } from '../../lib/snapshots/ids';
import { openStore, storeConfigFromEnv } from '../../lib/snapshots/store';

const source = process.argv[2];
if (!source) throw new Error('usage: plant-expired-snapshot.ts <snapshot id>');

const store = await openStore(storeConfigFromEnv());
try {
  const found = await store.get(source);
  if (found.status !== 'ok') throw new Error(`snapshot ${source} is ${found.status}`);
  const day = 86_400_000;
  const takenAt = new Date(Date.now() - 2 * day);
  const copy = { ...found.snapshot, id: newSnapshotId(), createdAt: takenAt.toISOString(), expiresAt: new Date(takenAt.getTime() + day).toISOString(), label: 'expired copy' };
  await store.create(copy, { context: found.snapshot.posture.cluster.context, now: takenAt });
  process.stdout.write(`${copy.id}\n`);
} finally {
  await store.close();
}
