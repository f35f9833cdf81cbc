import { audit } from '@/lib/audit/log';
import { requireIdentity } from '@/lib/auth/route';
import { getScan } from '@/lib/posture/registry';
import { failureResponse, ok, queryOf, readJson, respond, storeErrorResponse, validate } from '@/lib/snapshots/http';
import { createFromScan, createInput, history, historyQuery } from '@/lib/snapshots/service';
import { getStore } from '@/lib/snapshots/store';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Freezes a finished scan into a snapshot: `{ scanId, anonymize?, expiresInDays?, label? }` → 201 `{ id, url }`. */
export async function POST(req: Request) {
  const who = requireIdentity(req);
  if (!who.ok) return who.response;
  try {
    const input = await readJson(req, createInput);
    if (!input.ok) return failureResponse(input);
    // Only the caller's own scans can be frozen; the snapshot records who made it (`local` in local mode).
    const created = await createFromScan(await getStore(), (id) => getScan(id, who.scope.key), input.value, who.identity.username);
    audit(req, 'snapshot.create', created.ok ? 'success' : 'failure', created.ok ? { snapshot: created.value.id, scan: input.value.scanId } : { scan: input.value.scanId, status: created.status });
    return respond(created, 201);
  } catch (e) {
    return storeErrorResponse(e);
  }
}

/** History of a context for the chart: `?context=&limit=` → `{ context, snapshots: SnapshotSummary[] }`, newest first. */
export async function GET(req: Request) {
  try {
    const q = validate(historyQuery, queryOf(req), 'The query');
    if (!q.ok) return failureResponse(q);
    return ok(await history(await getStore(), q.value));
  } catch (e) {
    return storeErrorResponse(e);
  }
}
