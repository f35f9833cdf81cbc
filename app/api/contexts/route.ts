import { listContexts, loadKubeConfig } from '@/lib/k8s/kubeconfig';
import { errorResponse, json } from '@/lib/api/respond';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Every kubeconfig context (names, clusters, servers, users: never credentials). */
export function GET() {
  try {
    const loaded = loadKubeConfig();
    return json({
      contexts: listContexts(loaded).map(({ name, cluster, server, user }) => ({ name, cluster, server, user })),
      current: loaded.kc.getCurrentContext() || undefined,
      mode: loaded.inCluster ? 'in-cluster' : 'local',
    });
  } catch (e) {
    return errorResponse(e);
  }
}
