/**
 * Cookies for the session and the sign-in form. Session cookies are httpOnly, SameSite=Strict,
 * Path=/, and Secure over TLS (then with the `__Host-` prefix, which browsers only accept from a
 * secure origin, for the whole host, without Domain).
 */
export const SESSION_COOKIE = 'kp-session';
export const LOGIN_CSRF_COOKIE = 'kp-login-csrf';

export function parseCookies(header: string | null | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i <= 0) continue;
    const name = part.slice(0, i).trim();
    const value = part.slice(i + 1).trim();
    if (!out.has(name)) out.set(name, value);
  }
  return out;
}

export const cookieName = (base: string, secure: boolean) => (secure ? `__Host-${base}` : base);

/** The cookie under its secure or plain name (a secure one wins). */
export function readCookie(header: string | null | undefined, base: string): string | undefined {
  const c = parseCookies(header);
  return c.get(`__Host-${base}`) ?? c.get(base);
}

export function serializeCookie(base: string, value: string, opts: { secure: boolean; maxAgeSeconds: number }): string {
  return [
    `${cookieName(base, opts.secure)}=${value}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Strict',
    ...(opts.secure ? ['Secure'] : []),
    `Max-Age=${Math.max(0, Math.floor(opts.maxAgeSeconds))}`,
  ].join('; ');
}

/** Expires both spellings of the cookie. */
export function clearCookies(base: string): string[] {
  return [`${base}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`, `__Host-${base}=; Path=/; HttpOnly; SameSite=Strict; Secure; Max-Age=0`];
}

/** Whether the browser reached us over TLS (directly, or through a proxy that says so). */
export function requestIsHttps(url: string, headers: { get(name: string): string | null }): boolean {
  return url.startsWith('https:') || headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase() === 'https';
}

/** Secure cookies: KUBE_POSTURE_SECURE_COOKIES=1/0, or (default) whenever the request came over https. */
export function useSecureCookies(setting: 'auto' | boolean, url: string, headers: { get(name: string): string | null }): boolean {
  return setting === 'auto' ? requestIsHttps(url, headers) : setting;
}
