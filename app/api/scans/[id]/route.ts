import { apiError, json, SCAN_ID } from '@/lib/api/respond';
import { requireIdentity } from '@/lib/auth/route';
import { getScan } from '@/lib/posture/registry';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** A scan: progress while running; the posture (architecture, findings, scores, issues) when done. */
export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const who = requireIdentity(req);
  if (!who.ok) return who.response;
  const { id } = await ctx.params;
  if (!SCAN_ID.test(id)) return apiError('invalid-input', 'That is not a valid scan id.');
  const rec = getScan(id, who.scope.key);
  if (!rec) return apiError('not-found', 'No such scan on this server (scans are kept in memory; start a new one).');
  return json(rec);
}
