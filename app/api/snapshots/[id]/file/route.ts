import { failureResponse, missing, ok, storeErrorResponse } from '@/lib/snapshots/http';
import { isSnapshotId } from '@/lib/snapshots/ids';
import { getStore } from '@/lib/snapshots/store';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * The snapshot file as the store holds it (compact form, lib/snapshots/compact), for the share
 * page's browser to expand its rows after the first picture. Read like the page: no sign-in
 * unless KUBE_POSTURE_SHARE_LINKS=signed-in (lib/security/gate.ts); 404 for an unknown id, 410
 * once expired or revoked.
 */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await ctx.params;
    if (!isSnapshotId(id)) return failureResponse(missing({ status: 'not-found' }));
    const r = await (await getStore()).getFile(id);
    return r.status === 'ok' ? ok(r.file) : failureResponse(missing(r));
  } catch (e) {
    return storeErrorResponse(e);
  }
}
