/**
 * Page URLs. Context names may contain `/`, `:` and `@` (EKS contexts are ARNs), so they are always
 * one encoded path segment.
 */
import { safeDecode } from './component-names';

export const routes = {
  overview: (context: string) => `/clusters/${encodeURIComponent(context)}`,
  findings: (context: string) => `/clusters/${encodeURIComponent(context)}/findings`,
  checks: () => '/checks',
};

/** The context a page is about, from its path (`/clusters/kp-weak/findings` → `kp-weak`). */
export function contextFromPath(pathname: string): string | undefined {
  const m = /^\/clusters\/([^/]+)/.exec(pathname);
  return m?.[1] ? safeDecode(m[1]) : undefined;
}

/**
 * The same page for another context: the overview stays the overview, the findings stay the
 * findings. A component page goes to the new cluster's overview: that component may not exist there.
 */
export function switchContextPath(pathname: string, context: string): string {
  const m = /^\/clusters\/[^/]+(\/[^/]+)?/.exec(pathname);
  if (m?.[1] === '/findings') return routes.findings(context);
  return routes.overview(context);
}
