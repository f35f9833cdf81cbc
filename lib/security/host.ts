/**
 * Local mode serves the operator's own cluster credentials with no login, so it must only answer
 * to the machine it runs on. Checking the Host header defeats DNS rebinding (a hostile page whose
 * name resolves to 127.0.0.1); checking Origin on state-changing requests defeats cross-site POSTs.
 */

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** `127.0.0.1:3000` → `127.0.0.1`; `[::1]:3000` → `[::1]`. */
export function hostName(hostHeader: string): string {
  const h = hostHeader.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  const colon = h.lastIndexOf(':');
  return colon >= 0 ? h.slice(0, colon) : h;
}

export function isLoopbackHost(hostHeader: string | null | undefined, extra: readonly string[] = []): boolean {
  if (!hostHeader) return false;
  const name = hostName(hostHeader);
  return LOOPBACK_NAMES.has(name) || /^127(\.\d{1,3}){3}$/.test(name) || extra.includes(name);
}

/** Extra host names the operator vouches for (KUBE_POSTURE_ALLOWED_HOSTS, comma-separated). */
export function allowedHosts(env: Record<string, string | undefined> = process.env): string[] {
  return (env.KUBE_POSTURE_ALLOWED_HOSTS ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A state-changing request must come from a page of this same origin. Browsers send Origin on
 * every cross-origin request and on same-origin POSTs; a missing Origin (curl, the CLI) is allowed
 * because it cannot come from another site's page.
 */
export function isSameOriginWrite(method: string, origin: string | null, host: string | null): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return true;
  if (origin === null) return true;
  if (origin === 'null' || !host) return false;
  try {
    return new URL(origin).host.toLowerCase() === host.toLowerCase();
  } catch {
    return false;
  }
}
