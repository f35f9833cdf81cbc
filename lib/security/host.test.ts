import { describe, expect, it } from 'vitest';
import { hostName, isLoopbackHost, isSameOriginWrite } from './host';
import { contentSecurityPolicy, securityHeaders } from './headers';

describe('isLoopbackHost', () => {
  it.each(['127.0.0.1:3000', 'localhost:3000', 'LOCALHOST', '[::1]:3000', '127.1.2.3:80'])('%s is local', (h) => expect(isLoopbackHost(h)).toBe(true));
  it.each(['evil.example:3000', '192.168.1.5:3000', 'localhost.evil.example', '127.0.0.1.nip.io', '', null])('%s is not', (h) => expect(isLoopbackHost(h)).toBe(false));
  it('accepts names the operator allowed', () => expect(isLoopbackHost('posture.internal:3000', ['posture.internal'])).toBe(true));
  it('parses host names', () => {
    expect(hostName('[::1]:80')).toBe('[::1]');
    expect(hostName('a.b:1')).toBe('a.b');
  });
});

describe('isSameOriginWrite', () => {
  it('allows reads from anywhere and writes without Origin (CLI, curl)', () => {
    expect(isSameOriginWrite('GET', 'https://evil.example', '127.0.0.1:3000')).toBe(true);
    expect(isSameOriginWrite('POST', null, '127.0.0.1:3000')).toBe(true);
  });
  it('allows same-origin writes and refuses cross-site ones', () => {
    expect(isSameOriginWrite('POST', 'http://127.0.0.1:3000', '127.0.0.1:3000')).toBe(true);
    expect(isSameOriginWrite('POST', 'http://evil.example', '127.0.0.1:3000')).toBe(false);
    expect(isSameOriginWrite('DELETE', 'null', '127.0.0.1:3000')).toBe(false);
    expect(isSameOriginWrite('POST', 'http://127.0.0.1:4000', '127.0.0.1:3000')).toBe(false);
  });
});

describe('security headers', () => {
  it('CSP allows scripts only with the nonce, no eval in production, no framing', () => {
    const csp = contentSecurityPolicy('abc');
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
  });
  it('HSTS only over TLS; noindex on share pages', () => {
    expect(securityHeaders({ https: false })['Strict-Transport-Security']).toBeUndefined();
    expect(securityHeaders({ https: true })['Strict-Transport-Security']).toMatch(/max-age/);
    expect(securityHeaders({ https: false, noindex: true })['X-Robots-Tag']).toMatch(/noindex/);
  });
});
