/**
 * A minimal DER reader: just enough to walk a PKCS#10 CSR's subject. Every read is bounds-checked
 * and returns `undefined` instead of throwing, because CSRs are user-submitted input.
 */

export interface Tlv {
  tag: number;
  /** First byte of the content. */
  start: number;
  /** One past the last content byte (= the next sibling's offset). */
  end: number;
}

export const TAG = {
  INTEGER: 0x02,
  OID: 0x06,
  UTF8_STRING: 0x0c,
  NUMERIC_STRING: 0x12,
  PRINTABLE_STRING: 0x13,
  T61_STRING: 0x14,
  IA5_STRING: 0x16,
  VISIBLE_STRING: 0x1a,
  UNIVERSAL_STRING: 0x1c,
  BMP_STRING: 0x1e,
  SEQUENCE: 0x30,
  SET: 0x31,
} as const;

/** Reads one TLV at `pos` that must end by `limit`. Only DER's definite lengths up to 4 bytes. */
export function readTlv(buf: Uint8Array, pos: number, limit = buf.length): Tlv | undefined {
  if (pos < 0 || pos + 2 > limit || limit > buf.length) return undefined;
  const tag = buf[pos] ?? 0;
  if ((tag & 0x1f) === 0x1f) return undefined; // high-tag-number form: never used where we read
  let len = buf[pos + 1] ?? 0;
  let start = pos + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4 || start + n > limit) return undefined; // indefinite length is not DER
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + (buf[start + i] ?? 0);
    start += n;
  }
  const end = start + len;
  return end <= limit ? { tag, start, end } : undefined;
}

/** The TLVs inside a constructed value; stops at the first malformed one. */
export function children(buf: Uint8Array, parent: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let pos = parent.start; pos < parent.end; ) {
    const t = readTlv(buf, pos, parent.end);
    if (!t) break;
    out.push(t);
    pos = t.end;
  }
  return out;
}

export function bytesEqual(buf: Uint8Array, tlv: Tlv, expected: readonly number[]): boolean {
  if (tlv.end - tlv.start !== expected.length) return false;
  return expected.every((b, i) => buf[tlv.start + i] === b);
}

/** Decodes the ASN.1 string types that appear in X.509 names; undefined for anything else. */
export function decodeString(buf: Uint8Array, tlv: Tlv): string | undefined {
  const bytes = buf.subarray(tlv.start, tlv.end);
  switch (tlv.tag) {
    case TAG.UTF8_STRING:
      return new TextDecoder('utf-8').decode(bytes);
    case TAG.NUMERIC_STRING:
    case TAG.PRINTABLE_STRING:
    case TAG.IA5_STRING:
    case TAG.VISIBLE_STRING:
    case TAG.T61_STRING:
      return latin1(bytes);
    case TAG.BMP_STRING:
      return codeUnits(bytes, 2);
    case TAG.UNIVERSAL_STRING:
      return codeUnits(bytes, 4);
    default:
      return undefined;
  }
}

/** Bytes → string one char per byte (no spread: arguments lists overflow on large inputs). */
export function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return s;
}

/** Big-endian fixed-width code points (BMPString: 2 bytes, UniversalString: 4 bytes). */
function codeUnits(bytes: Uint8Array, width: 2 | 4): string {
  let s = '';
  for (let i = 0; i + width <= bytes.length; i += width) {
    let cp = 0;
    for (let j = 0; j < width; j++) cp = cp * 256 + (bytes[i + j] ?? 0);
    s += cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd';
  }
  return s;
}

/** Forgiving base64 → bytes (whitespace ignored); undefined when it is not base64. */
export function base64ToBytes(text: string): Uint8Array | undefined {
  try {
    const bin = atob(text.replace(/\s+/g, ''));
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } catch {
    return undefined;
  }
}
