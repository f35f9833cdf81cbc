import { apiError, CONTEXT_NAME, errorResponse, json } from '@/lib/api/respond';
import { forContext, loadKubeConfig } from '@/lib/k8s/kubeconfig';
import { startScan } from '@/lib/posture/registry';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Starts a scan of the context, or joins the running one, or returns a fresh one (single-flight). */
export async function POST(req: Request, ctx: { params: Promise<{ context: string }> }) {
  const { context } = await ctx.params;
  if (!CONTEXT_NAME.test(context)) return apiError('invalid-input', 'That is not a valid context name.');
  const force = new URL(req.url).searchParams.get('force');
  if (force !== null && force !== '1' && force !== '0') return apiError('invalid-input', 'force must be 1 or 0.');
  try {
    const loaded = loadKubeConfig();
    forContext(loaded, context); // unknown context → invalid-input, before anything starts
    const rec = startScan(context, { loaded, force: force === '1' });
    return json({ scanId: rec.id, status: rec.status }, 202);
  } catch (e) {
    return errorResponse(e);
  }
}
