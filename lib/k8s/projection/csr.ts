/**
 * CertificateSigningRequest projection. The requested subject (O, CN) is parsed from
 * `spec.request` so checks can spot requests for `system:masters`; the issued certificate
 * itself is never copied, only whether there is one.
 */
import type { V1CertificateSigningRequest } from '@kubernetes/client-node';
import type { CsrInfo } from '../../model/inventory';
import { TAG, base64ToBytes, bytesEqual, children, decodeString, latin1, readTlv } from './asn1';
import { dropUndefined, isoTime, list, projectMeta } from './meta';

const OID_COMMON_NAME = [0x55, 0x04, 0x03]; // 2.5.4.3
const OID_ORGANIZATION = [0x55, 0x04, 0x0a]; // 2.5.4.10

export interface CsrSubject {
  organizations: string[];
  commonName?: string;
}

/**
 * `spec.request` is base64 of a PEM block (that is what the API stores). Also accepts base64 of
 * raw DER, and PEM text itself. Returns undefined when none of those decode.
 */
export function csrDer(request: string): Uint8Array | undefined {
  const pemOf = (text: string): Uint8Array | undefined => {
    const m = /-----BEGIN [A-Z ]*REQUEST-----([\s\S]*?)-----END [A-Z ]*REQUEST-----/.exec(text);
    return m ? base64ToBytes(m[1] ?? '') : undefined;
  };
  if (request.includes('-----BEGIN')) return pemOf(request);
  const decoded = base64ToBytes(request);
  if (!decoded) return undefined;
  if (decoded[0] === TAG.SEQUENCE) return decoded;
  return pemOf(latin1(decoded));
}

/**
 * CertificationRequest ::= SEQUENCE { certificationRequestInfo SEQUENCE { version INTEGER,
 * subject Name, … }, … }; Name ::= SEQUENCE OF SET OF SEQUENCE { type OID, value ANY }.
 */
export function csrSubject(der: Uint8Array): CsrSubject {
  const out: CsrSubject = { organizations: [] };
  const csr = readTlv(der, 0);
  if (csr?.tag !== TAG.SEQUENCE) return out;
  const info = children(der, csr)[0];
  if (info?.tag !== TAG.SEQUENCE) return out;
  const [version, subject] = children(der, info);
  if (version?.tag !== TAG.INTEGER || subject?.tag !== TAG.SEQUENCE) return out;
  for (const rdn of children(der, subject)) {
    if (rdn.tag !== TAG.SET) continue;
    for (const atv of children(der, rdn)) {
      if (atv.tag !== TAG.SEQUENCE) continue;
      const [oid, value] = children(der, atv);
      if (oid?.tag !== TAG.OID || !value) continue;
      const text = decodeString(der, value);
      if (text === undefined) continue;
      if (bytesEqual(der, oid, OID_ORGANIZATION)) out.organizations.push(text);
      else if (bytesEqual(der, oid, OID_COMMON_NAME)) out.commonName = text;
    }
  }
  return out;
}

/** Never throws: malformed requests yield an empty subject. */
export function parseCsrRequest(request: string | undefined): CsrSubject {
  if (!request) return { organizations: [] };
  try {
    const der = csrDer(request);
    return der ? csrSubject(der) : { organizations: [] };
  } catch {
    return { organizations: [] };
  }
}

export function projectCsr(csr: V1CertificateSigningRequest): CsrInfo {
  const spec = csr.spec;
  const subject = parseCsrRequest(typeof spec?.request === 'string' ? spec.request : undefined);
  const out: CsrInfo = {
    meta: projectMeta(csr.metadata),
    signerName: spec?.signerName ?? '',
    groups: [...list(spec?.groups)],
    usages: [...list(spec?.usages)],
    requestedOrganizations: subject.organizations,
    conditions: list(csr.status?.conditions).map((c) =>
      dropUndefined({ type: c.type ?? '', status: c.status || undefined, lastUpdateTime: isoTime(c.lastUpdateTime) }),
    ),
    issued: Boolean(csr.status?.certificate),
  };
  if (spec?.username) out.username = spec.username;
  if (spec?.expirationSeconds !== undefined) out.expirationSeconds = spec.expirationSeconds;
  if (subject.commonName !== undefined) out.requestedCommonName = subject.commonName;
  return out;
}
