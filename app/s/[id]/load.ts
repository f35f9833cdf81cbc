import 'server-only';
import { notFound } from 'next/navigation';
import { isSnapshotId } from '@/lib/snapshots/ids';
import { getStore } from '@/lib/snapshots/store';
import type { GetSnapshotFileResult } from '@/lib/snapshots/types';

/**
 * The snapshot behind a share link in its compact form (the page's browser expands it), or gone
 * (revoked/expired); unknown or malformed ids are a 404.
 */
export async function loadSharedSnapshot(id: string): Promise<Exclude<GetSnapshotFileResult, { status: 'not-found' }>> {
  if (!isSnapshotId(id)) notFound();
  const result = await (await getStore()).getFile(id);
  if (result.status === 'not-found') notFound();
  return result;
}
