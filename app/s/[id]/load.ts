import 'server-only';
import { notFound } from 'next/navigation';
import { isSnapshotId } from '@/lib/snapshots/ids';
import { cachedSnapshotPageHeadJson, snapshotPageHeadJson } from '@/lib/snapshots/page-head';
import { getStore } from '@/lib/snapshots/store';
import type { GetSnapshotFileResult, GoneReason, SnapshotStatus } from '@/lib/snapshots/types';

export type SharedSnapshotHead = { status: 'ok'; head: string } | { status: 'gone'; reason: GoneReason; at: string };

/**
 * What the share page /s/{id} sends first: the head of the snapshot behind the link (see
 * lib/snapshots/page-head.ts), or gone (revoked/expired); unknown or malformed ids are a 404.
 * A head worked out lately is reused after asking the store only whether the link is still
 * readable, so a link opened again does not read and parse the whole body.
 */
export async function loadSharedSnapshotHead(id: string): Promise<SharedSnapshotHead> {
  if (!isSnapshotId(id)) notFound();
  const key = `s/${id}`;
  const cached = cachedSnapshotPageHeadJson(key);
  if (cached !== undefined) {
    const status = await loadSharedSnapshotStatus(id);
    return status.status === 'gone' ? status : { status: 'ok', head: cached };
  }
  const result = await loadSharedSnapshot(id);
  return result.status === 'gone' ? result : { status: 'ok', head: snapshotPageHeadJson(result.file, key) };
}

/** Whether a share link can be read now (no body read); unknown or malformed ids are a 404. */
export async function loadSharedSnapshotStatus(id: string): Promise<Exclude<SnapshotStatus, { status: 'not-found' }>> {
  if (!isSnapshotId(id)) notFound();
  const status = await (await getStore()).status(id);
  if (status.status === 'not-found') notFound();
  return status;
}

/** The snapshot behind a share link in its compact form, or gone; unknown or malformed ids are a 404. */
async function loadSharedSnapshot(id: string): Promise<Exclude<GetSnapshotFileResult, { status: 'not-found' }>> {
  if (!isSnapshotId(id)) notFound();
  const result = await (await getStore()).getFile(id);
  if (result.status === 'not-found') notFound();
  return result;
}
