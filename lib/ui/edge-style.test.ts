import { describe, expect, it } from 'vitest';
import { edgeProtection, edgeSentence } from './edge-style';

describe('edgeProtection', () => {
  it('is solid only for verified TLS with real authentication', () => {
    expect(edgeProtection({ tls: 'verified', auth: 'client-cert' })).toBe('secure');
    expect(edgeProtection({ tls: 'verified', auth: 'token' })).toBe('secure');
    expect(edgeProtection({ tls: 'verified', auth: 'unknown' })).toBe('unverified');
    expect(edgeProtection({ tls: 'unverified', auth: 'client-cert' })).toBe('unverified');
    expect(edgeProtection({ tls: 'unknown', auth: 'unknown' })).toBe('unverified');
  });
  it('is red for plaintext, anonymous or unauthenticated connections', () => {
    expect(edgeProtection({ tls: 'none', auth: 'client-cert' })).toBe('exposed');
    expect(edgeProtection({ tls: 'unknown', auth: 'anonymous-allowed' })).toBe('exposed');
    expect(edgeProtection({ tls: 'unverified', auth: 'none' })).toBe('exposed');
  });
  it('treats a unix socket as local, not as plaintext', () => {
    expect(edgeProtection({ tls: 'none', auth: 'none', protocol: 'unix' })).toBe('local');
    expect(edgeSentence({ tls: 'none', auth: 'none', protocol: 'unix', label: 'CRI' })).toBe('CRI: local unix socket on the node');
    expect(edgeSentence({ tls: 'unverified', auth: 'none', label: 'kubelet API' })).toBe('kubelet API: TLS without certificate verification, no authentication');
  });
});
