/** The /api/session route without a cluster: modes, CSRF on the sign-in form, sign-out. Sign-in itself is in auth.int.test.ts. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DELETE, GET, POST } from '@/app/api/session/route';
import { createSession, getSession } from './sessions';

const audit = join(mkdtempSync(join(tmpdir(), 'kp-audit-')), 'audit.log');
beforeEach(() => vi.stubEnv('KUBE_POSTURE_AUDIT_LOG', audit));
afterEach(() => vi.unstubAllEnvs());

const post = (body: string, headers: Record<string, string>) => POST(new Request('http://127.0.0.1:3000/api/session', { method: 'POST', body, headers }));

describe('/api/session', () => {
  it('local mode: the operator, and no token sign-in', async () => {
    vi.stubEnv('KUBE_POSTURE_MODE', 'local');
    expect(await (await GET(new Request('http://127.0.0.1:3000/api/session'))).json()).toMatchObject({ mode: 'local', auth: 'local', authenticated: true, readOnly: false });
    expect((await post('{"token":"x"}', { 'content-type': 'application/json' })).status).toBe(409);
  });

  it('service-account mode says so, for the banner', async () => {
    vi.stubEnv('KUBE_POSTURE_MODE', 'in-cluster');
    vi.stubEnv('KUBE_POSTURE_AUTH', 'service-account');
    const body = await (await GET(new Request('http://x/api/session'))).json();
    expect(body).toMatchObject({ mode: 'in-cluster', auth: 'service-account', readOnly: true, authenticated: true });
    expect(body.notice).toMatch(/read-only/i);
  });

  it('token mode: unauthenticated until signed in', async () => {
    vi.stubEnv('KUBE_POSTURE_MODE', 'in-cluster');
    expect(await (await GET(new Request('http://x/api/session'))).json()).toEqual({ mode: 'in-cluster', auth: 'token', readOnly: false, authenticated: false });
  });

  it('the sign-in form must carry the CSRF token of its cookie', async () => {
    vi.stubEnv('KUBE_POSTURE_MODE', 'in-cluster');
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const csrf = 'c'.repeat(43);
    const noCookie = await post(`token=abc&csrf=${csrf}&next=%2Ffindings`, form);
    expect(noCookie.status).toBe(303);
    expect(noCookie.headers.get('location')).toBe('/login?error=expired-form&next=%2Ffindings');
    const mismatch = await post(`token=abc&csrf=${'d'.repeat(43)}`, { ...form, cookie: `kp-login-csrf=${csrf}` });
    expect(mismatch.headers.get('location')).toBe('/login?error=expired-form');
    const json = await post('{"token":"abc"}', { 'content-type': 'application/json', cookie: `kp-login-csrf=${csrf}` });
    expect(json.status).toBe(403);
    expect((await post('token=abc', { 'content-type': 'text/plain' })).status).toBe(415);
    const lines = readFileSync(audit, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.at(-1)).toMatchObject({ audit: 'kube-posture', action: 'session.login', outcome: 'denied', reason: 'csrf' });
    expect(readFileSync(audit, 'utf8')).not.toContain('abc');
  });

  it('an off-site `next` never leaves the site', async () => {
    vi.stubEnv('KUBE_POSTURE_MODE', 'in-cluster');
    const res = await post(`token=abc&csrf=x&next=${encodeURIComponent('//evil.example')}`, { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.headers.get('location')).toBe('/login?error=expired-form');
  });

  it('sign-out deletes the server-side session and clears the cookie', async () => {
    vi.stubEnv('KUBE_POSTURE_MODE', 'in-cluster');
    const { id } = createSession({ method: 'token', username: 'alice', groups: [] }, { token: 't', ttlMs: 60_000, idleMs: 60_000 });
    const res = await DELETE(new Request('http://x/api/session', { method: 'DELETE', headers: { cookie: `kp-session=${id}` } }));
    expect(res.status).toBe(200);
    expect(getSession(id)).toBeUndefined();
    expect(res.headers.getSetCookie().some((c) => c.startsWith('kp-session=;') && c.includes('Max-Age=0'))).toBe(true);
    const lines = readFileSync(audit, 'utf8').trim().split('\n');
    expect(JSON.parse(lines.at(-1) as string)).toMatchObject({ action: 'session.logout', outcome: 'success', user: 'alice', auth: 'token' });
  });
});
