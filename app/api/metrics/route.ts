/** The same scrape endpoint under /api, for deployments that only route /api to the server. */
export { GET } from '../../metrics/route';

// Segment config must be literal in each route file (Next.js does not follow re-exports of it).
export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';
