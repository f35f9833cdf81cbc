import { CONTENT_TYPE } from '@/lib/metrics/exposition';
import { renderMetrics } from '@/lib/metrics/render';
import { latestPostures } from '@/lib/posture/registry';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Prometheus scrape endpoint: the latest scan of each context in this server (docs/metrics.md). */
export function GET(): Response {
  return new Response(renderMetrics(latestPostures()), { headers: { 'content-type': CONTENT_TYPE, 'cache-control': 'no-store' } });
}
