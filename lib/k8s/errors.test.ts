import { describe, expect, it } from 'vitest';
import { classifyStatus, classifyTransportError } from './errors';

describe('classifyTransportError', () => {
  const ep = 'https://10.0.0.1:6443';
  it.each([
    [{ code: 'ECONNREFUSED' }, 'unreachable', /connection refused/],
    [{ code: 'ENOTFOUND' }, 'unreachable', /DNS/],
    [{ code: 'SELF_SIGNED_CERT_IN_CHAIN' }, 'unreachable', /does not trust/],
    [{ code: 'CERT_HAS_EXPIRED' }, 'unreachable', /expired/],
    [{ code: 'KP_TIMEOUT' }, 'timeout', /did not answer in time/],
    [{ name: 'AbortError' }, 'timeout', /did not answer/],
  ])('%o → %s', (err, code, message) => {
    const e = classifyTransportError(err, ep);
    expect(e.code).toBe(code);
    expect(e.message).toMatch(message);
    expect(e.message).toContain(ep);
  });
});

describe('classifyStatus', () => {
  it('401 names the context and what to do', () => {
    const e = classifyStatus(401, 'https://x', 'list pods', 'prod');
    expect(e.code).toBe('unauthorized');
    expect(e.message).toMatch(/context "prod"/);
  });
  it('403 carries the API server message', () => {
    const body = JSON.stringify({ kind: 'Status', message: 'pods is forbidden: User "jane" cannot list resource "pods"' });
    const e = classifyStatus(403, 'https://x', 'list pods', 'prod', body);
    expect(e.code).toBe('forbidden');
    expect(e.message).toContain('User "jane"');
  });
  it('5xx is internal and never includes a raw body that is not a Status', () => {
    const e = classifyStatus(500, 'https://x', 'list pods', 'prod', '<html>oops</html>');
    expect(e.code).toBe('internal');
    expect(e.message).not.toContain('<html>');
  });
});
