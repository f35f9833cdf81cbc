import { failureResponse, queryOf, respond, storeErrorResponse, validate } from '@/lib/snapshots/http';
import { diffQuery, diffSnapshots } from '@/lib/snapshots/service';
import { getStore } from '@/lib/snapshots/store';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** What changed from snapshot `a` to snapshot `b`: `?a=<id>&b=<id>` → PostureDiff (lib/snapshots/diff.ts). */
export async function GET(req: Request) {
  try {
    const q = validate(diffQuery, queryOf(req), 'The query');
    if (!q.ok) return failureResponse(q);
    return respond(await diffSnapshots(await getStore(), q.value));
  } catch (e) {
    return storeErrorResponse(e);
  }
}
