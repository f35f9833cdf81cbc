import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { Button } from '@/components/ui/button';
import { authConfig, runMode } from '@/lib/auth/config';
import { safeNext } from '@/lib/security/gate';

export const dynamic = 'force-dynamic';
// `same-origin` (not the site-wide no-referrer) so the form post carries this page's real Origin.
export const metadata: Metadata = { title: 'Sign in', robots: { index: false, follow: false }, referrer: 'same-origin' };

const ERRORS: Record<string, string> = {
  invalid: 'The API server did not accept that token. It may be mistyped, expired or revoked.',
  unavailable: 'kube-posture could not ask the API server about the token right now. Try again; if it persists, the server log says why.',
  'expired-form': 'The sign-in form expired. Paste the token again.',
  'rate-limited': 'Too many sign-in attempts from your address. Wait a minute and try again.',
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * Sign-in (in-cluster mode, KUBE_POSTURE_AUTH=token): a plain form that posts the token to
 * /api/session, with the CSRF token proxy.ts issued. Works without JavaScript.
 */
export default async function LoginPage({ searchParams }: Props) {
  const params = await searchParams;
  const csrf = (await headers()).get('x-kp-login-csrf') ?? '';
  const next = safeNext(one(params.next));
  const error = ERRORS[one(params.error) ?? ''];
  let method: string;
  try {
    method = runMode() === 'local' ? 'local' : authConfig().method;
  } catch {
    method = 'misconfigured';
  }

  return (
    <main id="main" className="mx-auto grid max-w-md gap-4 px-4 py-10">
      <h1 className="text-2xl font-semibold tracking-tight">Sign in to kube-posture</h1>
      {method === 'token' ? (
        <form method="post" action="/api/session" className="grid gap-3 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
          <input type="hidden" name="csrf" value={csrf} />
          <input type="hidden" name="next" value={next} />
          <label htmlFor="token" className="text-sm font-medium">
            Kubernetes bearer token
          </label>
          <input
            id="token"
            name="token"
            type="password"
            required
            autoComplete="off"
            spellCheck={false}
            aria-describedby={error ? 'token-help token-error' : 'token-help'}
            className="rounded-md border border-zinc-300 bg-white px-2 py-1.5 font-mono text-sm dark:border-zinc-700 dark:bg-zinc-950"
          />
          <p id="token-help" className="text-sm text-zinc-600 dark:text-zinc-400">
            You see what this token may read, nothing more. Get one with <code>kubectl create token &lt;service-account&gt;</code> or from your identity provider (an OIDC ID token). It stays on
            the server; your browser keeps only a session cookie.
          </p>
          {error ? (
            <p id="token-error" role="alert" className="text-sm text-red-700 dark:text-red-400">
              {error}
            </p>
          ) : null}
          <Button type="submit" variant="primary" className="justify-self-start">
            Sign in
          </Button>
        </form>
      ) : (
        <p className="text-sm leading-6">
          {method === 'proxy'
            ? "This kube-posture signs you in through your organisation's identity proxy. Open it through the proxy's address."
            : method === 'service-account'
              ? 'This kube-posture is a read-only shared view: no sign-in is needed.'
              : method === 'local'
                ? 'Local mode has no sign-in: it uses your own kubeconfig and answers only on this machine.'
                : 'kube-posture is misconfigured; the server log says how.'}{' '}
          {method === 'service-account' || method === 'local' ? (
            <a className="text-sky-700 underline dark:text-sky-400" href="/">
              Open the dashboard
            </a>
          ) : null}
        </p>
      )}
    </main>
  );
}
