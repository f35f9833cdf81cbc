import { describe, expect, it } from 'vitest';
import { csrSubject, parseCsrRequest, projectCsr } from './csr';
import { ADMIN_CSR_PEM, ADMIN_CSR_REQUEST } from './testdata';

/** A tiny DER encoder, to build requests the parser must handle (and some it must survive). */
function tlv(tag: number, ...content: number[][]): number[] {
  const body = content.flat();
  const len = body.length < 0x80 ? [body.length] : [0x82, body.length >> 8, body.length & 0xff];
  return [tag, ...len, ...body];
}
const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));
const atv = (oid: number[], value: number[]): number[] => tlv(0x31, tlv(0x30, tlv(0x06, oid), value));
const O = [0x55, 0x04, 0x0a];
const CN = [0x55, 0x04, 0x03];

function csr(subject: number[]): Uint8Array {
  const info = tlv(0x30, tlv(0x02, [0]), subject, tlv(0x30), tlv(0xa0));
  return new Uint8Array(tlv(0x30, info, tlv(0x30), tlv(0x03, [0])));
}

describe('CSR subject parsing', () => {
  it('reads O and CN from a real OpenSSL request, as the API stores it', () => {
    expect(parseCsrRequest(ADMIN_CSR_REQUEST)).toEqual({ organizations: ['system:masters', 'ops team'], commonName: 'kubernetes-admin' });
    expect(parseCsrRequest(ADMIN_CSR_PEM)).toEqual({ organizations: ['system:masters', 'ops team'], commonName: 'kubernetes-admin' });
  });

  it('reads PrintableString, BMPString and long lengths', () => {
    const long = 'x'.repeat(300);
    const der = csr(tlv(0x30, atv(O, tlv(0x13, ascii('system:nodes'))), atv(O, tlv(0x1e, ...ascii('ab').map((c) => [0, c]))), atv(CN, tlv(0x0c, ascii(long)))));
    expect(csrSubject(der)).toEqual({ organizations: ['system:nodes', 'ab'], commonName: long });
    expect(parseCsrRequest(Buffer.from(der).toString('base64')).commonName).toBe(long);
  });

  it('returns an empty subject for garbage, never throws', () => {
    for (const bad of ['', 'not base64 !!', Buffer.from('hello').toString('base64'), Buffer.from('-----BEGIN CERTIFICATE REQUEST-----\n!!!\n-----END CERTIFICATE REQUEST-----').toString('base64')]) {
      expect(parseCsrRequest(bad)).toEqual({ organizations: [] });
    }
    const truncated = csr(tlv(0x30, atv(O, tlv(0x13, ascii('system:masters'))))).slice(0, 20);
    expect(csrSubject(truncated)).toEqual({ organizations: [] });
    expect(csrSubject(new Uint8Array([0x30, 0x84, 0xff, 0xff, 0xff, 0xff]))).toEqual({ organizations: [] });
  });
});

describe('projectCsr', () => {
  it('projects the request and whether a certificate was issued, not the certificate', () => {
    const c = projectCsr({
      metadata: { name: 'csr-1' },
      spec: {
        request: ADMIN_CSR_REQUEST,
        signerName: 'kubernetes.io/kube-apiserver-client',
        username: 'alice',
        groups: ['system:authenticated'],
        usages: ['client auth'],
        expirationSeconds: 3600,
      },
      status: {
        certificate: 'LS0tLS1CRUdJTi1DRVJU',
        conditions: [{ type: 'Approved', status: 'True', lastUpdateTime: '2025-01-01T00:00:00Z' as unknown as Date }],
      },
    });
    expect(c).toEqual({
      meta: { name: 'csr-1', labels: {}, annotations: {} },
      signerName: 'kubernetes.io/kube-apiserver-client',
      username: 'alice',
      groups: ['system:authenticated'],
      usages: ['client auth'],
      expirationSeconds: 3600,
      requestedOrganizations: ['system:masters', 'ops team'],
      requestedCommonName: 'kubernetes-admin',
      conditions: [{ type: 'Approved', status: 'True', lastUpdateTime: '2025-01-01T00:00:00Z' }],
      issued: true,
    });
    expect(JSON.stringify(c)).not.toContain('LS0tLS1CRUdJTi1DRVJU');
  });
});
