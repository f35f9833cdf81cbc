import { audit } from '@/lib/audit/log';
import { failureResponse, queryOf, readText, requireJsonContentType, respond, storeErrorResponse, validate } from '@/lib/snapshots/http';
import { maxImportBytes } from '@/lib/snapshots/import';
import { importQuery, importSnapshot } from '@/lib/snapshots/service';
import { getStore } from '@/lib/snapshots/store';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * Imports an exported snapshot file (the body, as JSON; at most 25 MB unless
 * KUBE_POSTURE_MAX_IMPORT_BYTES says otherwise) → 201 `{ id, url }` with a fresh id.
 * Options in the query: `?expiresInDays=&label=`. Anything invalid is refused and nothing is stored.
 */
export async function POST(req: Request) {
  try {
    const notJson = requireJsonContentType(req);
    if (notJson) return failureResponse(notJson);
    const q = validate(importQuery, queryOf(req), 'The query');
    if (!q.ok) return failureResponse(q);
    const limit = maxImportBytes();
    const text = await readText(req, limit);
    if (!text.ok) return failureResponse(text);
    const imported = await importSnapshot(await getStore(), text.value, limit, q.value);
    audit(req, 'snapshot.import', imported.ok ? 'success' : 'failure', imported.ok ? { snapshot: imported.value.id, bytes: text.value.length } : { status: imported.status });
    return respond(imported, 201);
  } catch (e) {
    return storeErrorResponse(e);
  }
}
