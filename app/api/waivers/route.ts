import { audit } from '@/lib/audit/log';
import { failureResponse, ok, queryOf, readJson, respond, storeErrorResponse, validate } from '@/lib/snapshots/http';
import { getStore } from '@/lib/snapshots/store';
import { waiverInput, waiverKeyQuery, waiverListQuery } from '@/lib/waivers/schema';
import { addWaiver, removeWaiver } from '@/lib/waivers/service';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Waivers: `?context=&includeExpired=true` → `{ waivers: Waiver[] }`. */
export async function GET(req: Request) {
  try {
    const q = validate(waiverListQuery, queryOf(req), 'The query');
    if (!q.ok) return failureResponse(q);
    const { context, includeExpired } = q.value;
    return ok({ waivers: await (await getStore()).listWaivers({ context, includeExpired: includeExpired === 'true' }) });
  } catch (e) {
    return storeErrorResponse(e);
  }
}

/** Adds or replaces a waiver: `{ context, checkId, target: { componentId, object? }, reason, author, expiresAt | expiresInDays }` → 201. */
export async function POST(req: Request) {
  try {
    const input = await readJson(req, waiverInput);
    if (!input.ok) return failureResponse(input);
    const added = await addWaiver(await getStore(), input.value);
    audit(req, 'waiver.add', added.ok ? 'success' : 'failure', { context: input.value.context, check: input.value.checkId, component: input.value.target.componentId });
    return respond(added, 201);
  } catch (e) {
    return storeErrorResponse(e);
  }
}

/** Removes a waiver: `?context=&checkId=&componentId=&object=` → 200, or 404 if there was none. */
export async function DELETE(req: Request) {
  try {
    const q = validate(waiverKeyQuery, queryOf(req), 'The query');
    if (!q.ok) return failureResponse(q);
    const removed = await removeWaiver(await getStore(), q.value);
    audit(req, 'waiver.remove', removed.ok ? 'success' : 'failure', { context: q.value.context, check: q.value.checkId, component: q.value.componentId });
    return respond(removed);
  } catch (e) {
    return storeErrorResponse(e);
  }
}
