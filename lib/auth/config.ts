/**
 * How this server runs and how it authenticates, read from the environment in one place.
 * Imported by proxy.ts too, so it stays free of `server-only` and of the Kubernetes client.
 *
 * - local (default outside a pod): loopback only, the operator's own kubeconfig, no login.
 * - in-cluster (inside a pod, or KUBE_POSTURE_MODE=in-cluster): every request is authenticated,
 *   by one of three methods (KUBE_POSTURE_AUTH):
 *   - `token` (default): users sign in with their own Kubernetes bearer token (TokenReview); scans
 *     run with that token.
 *   - `proxy`: an authenticating proxy in front (oauth2-proxy…) sends the user and groups in
 *     headers, honoured only from KUBE_POSTURE_TRUSTED_PROXIES or with the shared secret header;
 *     scans impersonate that user.
 *   - `service-account`: no sign-in, everybody sees what the dashboard's own read-only service
 *     account sees (shared wall screens); read-only, labelled in every response.
 */
import { existsSync } from 'node:fs';
import { parseCidrs, type Cidr } from '../security/cidr';

export type RunMode = 'local' | 'in-cluster';
export type AuthMethod = 'token' | 'proxy' | 'service-account';

export const SA_TOKEN_FILE = '/var/run/secrets/kubernetes.io/serviceaccount/token';

type Env = Record<string, string | undefined>;

/** Inside a pod: the API server's service environment and a mounted service-account token. */
export function insidePod(env: Env = process.env): boolean {
  // A literal path: the build traces files a server reads, and a variable one means "anything".
  return Boolean(env.KUBERNETES_SERVICE_HOST) && existsSync('/var/run/secrets/kubernetes.io/serviceaccount/token');
}

/** KUBE_POSTURE_MODE=local|in-cluster; unset: in-cluster inside a pod, local elsewhere. */
export function runMode(env: Env = process.env): RunMode {
  const v = (env.KUBE_POSTURE_MODE ?? '').trim().toLowerCase();
  if (v === 'in-cluster' || v === 'incluster') return 'in-cluster';
  if (v === 'local') return 'local';
  if (v !== '') throw new Error(`KUBE_POSTURE_MODE must be "local" or "in-cluster", not "${env.KUBE_POSTURE_MODE}".`);
  return insidePod(env) ? 'in-cluster' : 'local';
}

export interface AuthConfig {
  method: AuthMethod;
  /** Peers whose user/group headers are believed (`proxy`). */
  trustedProxies: Cidr[];
  /** Alternatively, a shared secret the proxy sends in `proxySecretHeader`. */
  proxySecret?: string;
  proxySecretHeader: string;
  userHeader: string;
  groupsHeader: string;
  /** Prepended to the proxy's user and group names, to match the API server's OIDC prefixes (`oidc:`). */
  userPrefix: string;
  groupPrefix: string;
  /** Absolute session lifetime and idle timeout, ms. */
  sessionTtlMs: number;
  sessionIdleMs: number;
  /** Secure cookies: `auto` follows the request's scheme (TLS or X-Forwarded-Proto: https). */
  secureCookies: 'auto' | boolean;
}

function ms(value: string | undefined, fallback: number, min: number, max: number, name: string): number {
  if (value === undefined || value.trim() === '') return fallback;
  const m = /^(\d+)\s*(ms|s|m|h)?$/.exec(value.trim());
  if (!m) throw new Error(`${name} must be a duration such as 30m or 8h, not "${value}".`);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[(m[2] ?? 's') as 'ms' | 's' | 'm' | 'h'];
  return Math.min(max, Math.max(min, Number(m[1]) * unit));
}

const HEADER_NAME = /^[A-Za-z0-9-]{1,64}$/;

function headerName(value: string | undefined, fallback: string, name: string): string {
  const v = (value ?? '').trim() || fallback;
  if (!HEADER_NAME.test(v)) throw new Error(`${name} must be an HTTP header name, not "${v}".`);
  return v.toLowerCase();
}

export function authConfig(env: Env = process.env): AuthConfig {
  const raw = (env.KUBE_POSTURE_AUTH ?? '').trim().toLowerCase() || 'token';
  if (raw !== 'token' && raw !== 'proxy' && raw !== 'service-account') {
    throw new Error(`KUBE_POSTURE_AUTH must be token, proxy or service-account, not "${env.KUBE_POSTURE_AUTH}".`);
  }
  const secret = env.KUBE_POSTURE_PROXY_SECRET?.trim() || undefined;
  if (secret !== undefined && secret.length < 32) throw new Error('KUBE_POSTURE_PROXY_SECRET must be at least 32 characters long.');
  const secure = (env.KUBE_POSTURE_SECURE_COOKIES ?? '').trim().toLowerCase();
  return {
    method: raw,
    trustedProxies: parseCidrs(env.KUBE_POSTURE_TRUSTED_PROXIES ?? ''),
    proxySecret: secret,
    proxySecretHeader: headerName(env.KUBE_POSTURE_PROXY_SECRET_HEADER, 'X-Kube-Posture-Proxy-Secret', 'KUBE_POSTURE_PROXY_SECRET_HEADER'),
    userHeader: headerName(env.KUBE_POSTURE_USER_HEADER, 'X-Forwarded-User', 'KUBE_POSTURE_USER_HEADER'),
    groupsHeader: headerName(env.KUBE_POSTURE_GROUPS_HEADER, 'X-Forwarded-Groups', 'KUBE_POSTURE_GROUPS_HEADER'),
    userPrefix: env.KUBE_POSTURE_USER_PREFIX ?? '',
    groupPrefix: env.KUBE_POSTURE_GROUP_PREFIX ?? '',
    sessionTtlMs: ms(env.KUBE_POSTURE_SESSION_TTL, 8 * 3_600_000, 60_000, 7 * 24 * 3_600_000, 'KUBE_POSTURE_SESSION_TTL'),
    sessionIdleMs: ms(env.KUBE_POSTURE_SESSION_IDLE, 3_600_000, 60_000, 7 * 24 * 3_600_000, 'KUBE_POSTURE_SESSION_IDLE'),
    secureCookies: secure === '' || secure === 'auto' ? 'auto' : !['0', 'false', 'no', 'off'].includes(secure),
  };
}
