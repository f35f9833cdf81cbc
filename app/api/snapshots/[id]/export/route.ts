import { audit } from '@/lib/audit/log';
import { failureResponse, PRIVATE_HEADERS, queryOf, storeErrorResponse, validate } from '@/lib/snapshots/http';
import { exportFile, exportQuery, loadSnapshot } from '@/lib/snapshots/service';
import { getStore } from '@/lib/snapshots/store';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Download: `?format=json|csv|html` (default json), as an attachment. HTML is one offline file with a strict CSP. */
export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    const q = validate(exportQuery, queryOf(req), 'The query');
    if (!q.ok) return failureResponse(q);
    const { id } = await ctx.params;
    const snapshot = await loadSnapshot(await getStore(), id);
    if (!snapshot.ok) return failureResponse(snapshot);
    const file = exportFile(snapshot.value, q.value.format);
    audit(req, 'snapshot.export', 'success', { snapshot: snapshot.value.id, format: q.value.format });
    return new Response(file.body, { status: 200, headers: { ...PRIVATE_HEADERS, ...file.headers } });
  } catch (e) {
    return storeErrorResponse(e);
  }
}
