/**
 * X.509 certificate → CertificateInfo. Shared by the kube-root-ca.crt projection and the TLS
 * probe (lib/k8s), so both describe certificates the same way.
 */
import { X509Certificate } from 'node:crypto';
import type { CertificateInfo } from '../../model/inventory';

/** Node prints names one RDN per line (`CN=a\nO=b`); show them on one line. */
function oneLine(name: string): string {
  return name
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean)
    .join(', ');
}

/** `validFrom` is `Nov 29 04:56:00 2025 GMT`; emit ISO 8601, keep the raw text if unparsable. */
function isoDate(text: string): string {
  const d = new Date(text);
  return Number.isNaN(d.getTime()) ? text : d.toISOString();
}

function publicKeyText(x509: X509Certificate): string | undefined {
  const key = x509.publicKey;
  const d = key.asymmetricKeyDetails;
  switch (key.asymmetricKeyType) {
    case 'rsa':
    case 'rsa-pss':
      return d?.modulusLength ? `RSA ${d.modulusLength}` : 'RSA';
    case 'ec':
      return d?.namedCurve ? `EC ${d.namedCurve}` : 'EC';
    case 'ed25519':
      return 'Ed25519';
    case 'ed448':
      return 'Ed448';
    default:
      return key.asymmetricKeyType?.toUpperCase();
  }
}

/** `DNS:a, IP Address:10.0.0.1` → [`DNS:a`, `IP Address:10.0.0.1`]. */
function altNames(x509: X509Certificate): string[] {
  return (x509.subjectAltName ?? '')
    .split(/,\s*/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function selfSigned(x509: X509Certificate): boolean | undefined {
  try {
    return x509.checkIssued(x509) && x509.verify(x509.publicKey);
  } catch {
    return undefined;
  }
}

export function certificateInfo(x509: X509Certificate): CertificateInfo {
  const info: CertificateInfo = {
    subject: oneLine(x509.subject),
    issuer: oneLine(x509.issuer),
    notBefore: isoDate(x509.validFrom),
    notAfter: isoDate(x509.validTo),
    subjectAltNames: altNames(x509),
    fingerprint256: x509.fingerprint256,
  };
  const pk = publicKeyText(x509);
  if (pk) info.publicKey = pk;
  const self = selfSigned(x509);
  if (self !== undefined) info.selfSigned = self;
  return info;
}

const PEM_CERT = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;

/** Every certificate in a PEM bundle; malformed blocks are skipped, never thrown. */
export function certificatesFromPem(pem: string): CertificateInfo[] {
  const out: CertificateInfo[] = [];
  for (const block of pem.match(PEM_CERT) ?? []) {
    try {
      out.push(certificateInfo(new X509Certificate(block)));
    } catch {
      // Not a parsable certificate: leave it out.
    }
  }
  return out;
}
