import { apiError, SCAN_ID } from '@/lib/api/respond';
import { requireIdentity } from '@/lib/auth/route';
import { getScan, subscribe } from '@/lib/posture/registry';
import type { ScanRecord } from '@/lib/posture/types';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

function summary(rec: ScanRecord): Omit<ScanRecord, 'posture'> {
  const { posture: _posture, ...rest } = rec;
  return rest;
}

/** Server-sent events: `progress` while the scan runs, then one `done` or `failed`. */
export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const who = requireIdentity(req);
  if (!who.ok) return who.response;
  const { id } = await ctx.params;
  if (!SCAN_ID.test(id)) return apiError('invalid-input', 'That is not a valid scan id.');
  const rec = getScan(id, who.scope.key);
  if (!rec) return apiError('not-found', 'No such scan on this server.');
  const encoder = new TextEncoder();
  let unsubscribe = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (event: string, data: unknown) => controller.enqueue(encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`));
      const finish = (r: ScanRecord) => {
        send(r.status === 'done' ? 'done' : 'failed', summary(r));
        unsubscribe();
        controller.close();
      };
      if (rec.status !== 'running') return finish(rec);
      send('progress', rec.progress);
      unsubscribe = subscribe(id, (r) => (r.status === 'running' ? send('progress', r.progress) : finish(r)));
      req.signal.addEventListener('abort', () => unsubscribe());
    },
    cancel() {
      unsubscribe();
    },
  });
  return new Response(stream, { headers: { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' } });
}
