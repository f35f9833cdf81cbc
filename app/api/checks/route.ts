import { json } from '@/lib/api/respond';
import { ALL_CHECKS } from '@/lib/checks/catalog/index';
import { CATALOG_VERSION } from '@/lib/posture/evaluate';
import { CVE_FEED } from '@/lib/checks/cve/match';

export const runtime = 'nodejs';

/** The checks catalogue: every metadata field of every check (the logic stays on the server). */
export function GET() {
  const checks = ALL_CHECKS.map(({ evaluate: _evaluate, ...meta }) => meta);
  return json({ catalogVersion: CATALOG_VERSION, cveFeedDate: CVE_FEED.feedDate, checks });
}
