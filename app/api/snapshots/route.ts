import { getScan } from '@/lib/posture/registry';
import { failureResponse, ok, queryOf, readJson, respond, storeErrorResponse, validate } from '@/lib/snapshots/http';
import { createFromScan, createInput, history, historyQuery } from '@/lib/snapshots/service';
import { getStore } from '@/lib/snapshots/store';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Who froze the snapshot. Until sign-in exists (lib/auth), every snapshot is made by `local`. */
const CREATED_BY = 'local';

/** Freezes a finished scan into a snapshot: `{ scanId, anonymize?, expiresInDays?, label? }` → 201 `{ id, url }`. */
export async function POST(req: Request) {
  try {
    const input = await readJson(req, createInput);
    if (!input.ok) return failureResponse(input);
    return respond(await createFromScan(await getStore(), getScan, input.value, CREATED_BY), 201);
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
