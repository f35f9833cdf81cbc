import { apiError, CONTEXT_NAME, errorResponse, json } from '@/lib/api/respond';
import { audit } from '@/lib/audit/log';
import { requireIdentity, scopeNamespaces } from '@/lib/auth/route';
import { forContext, loadKubeConfig } from '@/lib/k8s/kubeconfig';
import { startScan } from '@/lib/posture/registry';
import { scanSettings } from '@/lib/posture/settings';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * Starts a scan of the context, or joins the running one, or returns a fresh one (single-flight).
 * In-cluster mode scans with the caller's rights (their token, or impersonation) and shares
 * scans only between requests of the same identity.
 */
export async function POST(req: Request, ctx: { params: Promise<{ context: string }> }) {
  const who = requireIdentity(req);
  if (!who.ok) return who.response;
  const { context } = await ctx.params;
  if (!CONTEXT_NAME.test(context)) return apiError('invalid-input', 'That is not a valid context name.');
  const force = new URL(req.url).searchParams.get('force');
  if (force !== null && force !== '1' && force !== '0') return apiError('invalid-input', 'force must be 1 or 0.');
  try {
    const loaded = loadKubeConfig();
    forContext(loaded, context); // unknown context → invalid-input, before anything starts
    const { scope } = who;
    const namespaces = scopeNamespaces(scope, scanSettings().namespaces);
    const rec = startScan(context, { loaded, force: force === '1', identity: scope.key, auth: scope.auth, user: scope.user, ...(namespaces ? { settings: { namespaces } } : {}) });
    // Only scans this request started (not joined or reused ones): who made kube-posture read the cluster.
    if (rec.status === 'running' && rec.progress.phase === 'queued') audit(req, 'scan.start', 'success', { context, scan: rec.id });
    return json({ scanId: rec.id, status: rec.status }, 202);
  } catch (e) {
    return errorResponse(e);
  }
}
