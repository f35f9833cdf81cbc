import { CONTENT_TYPE } from '@/lib/metrics/exposition';
import { renderMetrics } from '@/lib/metrics/render';
import { requireIdentity } from '@/lib/auth/route';
import { latestPostures } from '@/lib/posture/registry';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * Prometheus scrape endpoint: the latest scan of each context in this server (docs/metrics.md).
 * In in-cluster mode, of the caller's own scans only.
 */
export function GET(req: Request): Response {
  const who = requireIdentity(req);
  if (!who.ok) return who.response;
  return new Response(renderMetrics(latestPostures(who.scope.key)), { headers: { 'content-type': CONTENT_TYPE, 'cache-control': 'no-store' } });
}
