import 'server-only';
/**
 * TokenReview: asks the API server whether a bearer token is valid and whose it is. Sent with the
 * dashboard's own identity, which needs `create tokenreviews` (the system:auth-delegator
 * ClusterRole, deploy/kubernetes/rbac-token-review.yaml). The only POST kube-posture makes; it
 * changes nothing in the cluster.
 */
import { request, type RequestOptions } from 'node:https';
import { ClusterError, classifyTransportError } from './errors';
import { forContext, type LoadedKubeConfig } from './kubeconfig';

export type TokenReviewResult =
  | { authenticated: true; user: { username: string; uid?: string; groups: string[] } }
  | { authenticated: false; reason: string };

interface TokenReviewStatus {
  authenticated?: boolean;
  user?: { username?: string; uid?: string; groups?: string[] };
  error?: string;
}

export async function reviewToken(loaded: LoadedKubeConfig, token: string, opts: { timeoutMs?: number } = {}): Promise<TokenReviewResult> {
  const target = forContext(loaded);
  const base: RequestOptions = { headers: {} };
  try {
    await target.kc.applyToHTTPSOptions(base);
  } catch (e) {
    throw new ClusterError('unauthorized', `kube-posture's own credentials could not be obtained: ${(e as Error).message}.`);
  }
  const body = JSON.stringify({ apiVersion: 'authentication.k8s.io/v1', kind: 'TokenReview', spec: { token } });
  const url = new URL(`${target.server.replace(/\/+$/, '')}/apis/authentication.k8s.io/v1/tokenreviews`);
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const res = await new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      url,
      {
        ...base,
        method: 'POST',
        headers: { ...(base.headers as Record<string, string>), 'Content-Type': 'application/json', Accept: 'application/json', 'Content-Length': Buffer.byteLength(body), 'User-Agent': 'kube-posture' },
      },
      (r) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => resolve({ status: r.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        r.on('error', reject);
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(Object.assign(new Error(`timeout after ${timeoutMs} ms`), { code: 'KP_TIMEOUT' })));
    req.on('error', (e) => reject(classifyTransportError(e, target.server)));
    req.end(body);
  });
  if (res.status === 401) throw new ClusterError('unauthorized', "The API server rejected kube-posture's own credentials, so it cannot check sign-in tokens.");
  if (res.status === 403) {
    throw new ClusterError('forbidden', "kube-posture's service account may not create TokenReviews, so it cannot check sign-in tokens. Bind it to system:auth-delegator (deploy/kubernetes/rbac-token-review.yaml).");
  }
  if (res.status < 200 || res.status >= 300) throw new ClusterError('unreachable', `The API server answered ${res.status} to a TokenReview.`);
  const status = (JSON.parse(res.body) as { status?: TokenReviewStatus }).status ?? {};
  if (status.authenticated !== true || !status.user?.username) return { authenticated: false, reason: status.error || 'the token is not valid' };
  return { authenticated: true, user: { username: status.user.username, uid: status.user.uid, groups: status.user.groups ?? [] } };
}
