import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { certificateInfo, certificatesFromPem } from './certificate';
import { CA_PEM } from './testdata';

describe('certificateInfo', () => {
  it('describes a certificate', () => {
    expect(certificateInfo(new X509Certificate(CA_PEM))).toEqual({
      subject: 'CN=kubernetes',
      issuer: 'CN=kubernetes',
      notBefore: '2026-11-29T04:59:02.000Z',
      notAfter: '2126-11-05T04:59:02.000Z',
      subjectAltNames: ['DNS:kubernetes'],
      publicKey: 'RSA 2048',
      fingerprint256: '3B:65:15:5D:73:70:57:F8:92:19:F5:5D:1A:E7:6D:75:CA:41:46:B1:12:9B:DD:69:22:F5:4E:EB:51:3F:64:24',
      selfSigned: true,
    });
  });

  it('reads every certificate of a bundle and skips broken blocks', () => {
    const broken = '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----';
    expect(certificatesFromPem(`${CA_PEM}\n${broken}\n${CA_PEM}`)).toHaveLength(2);
    expect(certificatesFromPem('garbage')).toEqual([]);
  });
});
