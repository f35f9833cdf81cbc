import { audit } from '@/lib/audit/log';
import { respond, storeErrorResponse } from '@/lib/snapshots/http';
import { loadSnapshot, revoke } from '@/lib/snapshots/service';
import { getStore } from '@/lib/snapshots/store';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ id: string }> };

/**
 * The snapshot as JSON, expanded: `posture` is a Posture plus `passCounts` (lib/snapshots/types.ts).
 * The file to import elsewhere is the JSON export (compact form). 404 for an unknown id, 410 once
 * expired or revoked.
 */
export async function GET(_req: Request, ctx: Ctx) {
  try {
    const { id } = await ctx.params;
    return respond(await loadSnapshot(await getStore(), id));
  } catch (e) {
    return storeErrorResponse(e);
  }
}

/** Revokes the share link: the body is deleted; the link then answers 410. */
export async function DELETE(req: Request, ctx: Ctx) {
  try {
    const { id } = await ctx.params;
    const revoked = await revoke(await getStore(), id);
    audit(req, 'snapshot.revoke', revoked.ok ? 'success' : 'failure', { snapshot: id.slice(0, 64) });
    return respond(revoked);
  } catch (e) {
    return storeErrorResponse(e);
  }
}
