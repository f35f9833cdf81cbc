import 'server-only';
/** What the waivers routes do between validated input and the store. */
import type { z } from 'zod';
import { fail, type Result } from '../snapshots/http';
import type { SnapshotStore } from '../snapshots/types';
import { toWaiver, type WaiverInput, type waiverKeyQuery } from './schema';
import type { Waiver } from './types';

export async function addWaiver(store: SnapshotStore, input: WaiverInput, now = new Date()): Promise<Result<Waiver>> {
  const w = toWaiver(input, now);
  if ('error' in w) return fail(400, 'invalid-input', w.error);
  return { ok: true, value: await store.upsertWaiver(w.waiver) };
}

export async function removeWaiver(store: SnapshotStore, q: z.infer<typeof waiverKeyQuery>): Promise<Result<{ deleted: true }>> {
  const target = { componentId: q.componentId, ...(q.object ? { object: q.object } : {}) };
  const deleted = await store.deleteWaiver({ context: q.context, checkId: q.checkId, target });
  return deleted ? { ok: true, value: { deleted: true } } : fail(404, 'not-found', 'There is no such waiver.');
}
