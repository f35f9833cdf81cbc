import { version } from '@/lib/version';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Liveness: the server is up. It does not contact a cluster. */
export function GET(): Response {
  return Response.json({ status: 'ok', version }, { headers: { 'cache-control': 'no-store' } });
}
