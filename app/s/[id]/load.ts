import 'server-only';
import { notFound } from 'next/navigation';
import { isSnapshotId } from '@/lib/snapshots/ids';
import { getStore } from '@/lib/snapshots/store';
import type { GetSnapshotResult } from '@/lib/snapshots/types';

/** The snapshot behind a share link, or gone (revoked/expired); unknown or malformed ids are a 404. */
export async function loadSharedSnapshot(id: string): Promise<Exclude<GetSnapshotResult, { status: 'not-found' }>> {
  if (!isSnapshotId(id)) notFound();
  const result = await (await getStore()).get(id);
  if (result.status === 'not-found') notFound();
  return result;
}
