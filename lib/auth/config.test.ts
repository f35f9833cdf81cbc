import { describe, expect, it } from 'vitest';
import { authConfig, runMode } from './config';

describe('run mode', () => {
  it('is local outside a pod unless forced', () => {
    expect(runMode({})).toBe('local');
    expect(runMode({ KUBE_POSTURE_MODE: 'in-cluster' })).toBe('in-cluster');
    expect(runMode({ KUBE_POSTURE_MODE: 'local', KUBERNETES_SERVICE_HOST: '10.0.0.1' })).toBe('local');
  });
  it('refuses unknown modes instead of guessing', () => {
    expect(() => runMode({ KUBE_POSTURE_MODE: 'public' })).toThrow(/KUBE_POSTURE_MODE/);
  });
});

describe('auth config', () => {
  it('defaults to token sign-in with X-Forwarded-* proxy headers and 8h/1h sessions', () => {
    const c = authConfig({});
    expect(c.method).toBe('token');
    expect(c.userHeader).toBe('x-forwarded-user');
    expect(c.groupsHeader).toBe('x-forwarded-groups');
    expect(c.trustedProxies).toEqual([]);
    expect(c.sessionTtlMs).toBe(8 * 3_600_000);
    expect(c.sessionIdleMs).toBe(3_600_000);
    expect(c.secureCookies).toBe('auto');
  });
  it('reads the proxy settings', () => {
    const c = authConfig({
      KUBE_POSTURE_AUTH: 'proxy',
      KUBE_POSTURE_TRUSTED_PROXIES: '10.0.0.0/8,fd00::/8',
      KUBE_POSTURE_USER_HEADER: 'X-Auth-Request-User',
      KUBE_POSTURE_GROUPS_HEADER: 'X-Auth-Request-Groups',
      KUBE_POSTURE_PROXY_SECRET: 'x'.repeat(40),
      KUBE_POSTURE_SESSION_TTL: '30m',
      KUBE_POSTURE_SECURE_COOKIES: '1',
    });
    expect(c.method).toBe('proxy');
    expect(c.trustedProxies.map((x) => x.text)).toEqual(['10.0.0.0/8', 'fd00::/8']);
    expect(c.userHeader).toBe('x-auth-request-user');
    expect(c.proxySecret).toHaveLength(40);
    expect(c.sessionTtlMs).toBe(30 * 60_000);
    expect(c.secureCookies).toBe(true);
  });
  it('refuses settings that would weaken it silently', () => {
    expect(() => authConfig({ KUBE_POSTURE_AUTH: 'none' })).toThrow(/KUBE_POSTURE_AUTH/);
    expect(() => authConfig({ KUBE_POSTURE_PROXY_SECRET: 'short' })).toThrow(/32 characters/);
    expect(() => authConfig({ KUBE_POSTURE_TRUSTED_PROXIES: 'everyone' })).toThrow();
    expect(() => authConfig({ KUBE_POSTURE_USER_HEADER: 'X User' })).toThrow();
  });
});
