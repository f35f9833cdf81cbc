/**
 * CIDR lists (KUBE_POSTURE_TRUSTED_PROXIES) and address matching for IPv4 and IPv6, including
 * IPv4-mapped IPv6 (`::ffff:10.0.0.1`, what a dual-stack socket reports for an IPv4 peer).
 */
import { isIP } from 'node:net';

export interface Cidr {
  /** 4 or 16 bytes. */
  bytes: Uint8Array;
  prefix: number;
  text: string;
}

function v4Bytes(ip: string): Uint8Array {
  return Uint8Array.from(ip.split('.').map(Number));
}

function v6Bytes(ip: string): Uint8Array {
  let s = ip;
  // A trailing dotted quad (::ffff:1.2.3.4) becomes two hextets.
  const quad = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (quad) {
    const b = v4Bytes(quad[1] as string);
    s = s.slice(0, -quad[1]!.length) + `${((b[0]! << 8) | b[1]!).toString(16)}:${((b[2]! << 8) | b[3]!).toString(16)}`;
  }
  const [head, tail] = s.includes('::') ? s.split('::') : [s, undefined];
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = tail === undefined ? h : [...h, ...Array(8 - h.length - t.length).fill('0'), ...t];
  const out = new Uint8Array(16);
  groups.forEach((g, i) => {
    const n = Number.parseInt(g || '0', 16);
    out[i * 2] = n >> 8;
    out[i * 2 + 1] = n & 0xff;
  });
  return out;
}

/** An address as bytes; IPv4-mapped IPv6 is folded to its 4 IPv4 bytes. Undefined if not an IP. */
export function addressBytes(address: string): Uint8Array | undefined {
  const a = address.trim().replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const kind = isIP(a);
  if (kind === 4) return v4Bytes(a);
  if (kind !== 6) return undefined;
  const b = v6Bytes(a);
  const mapped = b.slice(0, 10).every((x) => x === 0) && b[10] === 0xff && b[11] === 0xff;
  return mapped ? b.slice(12) : b;
}

export function parseCidr(text: string): Cidr {
  const parts = text.trim().split('/');
  if (parts.length > 2) throw new Error(`"${text}" is not an IP address or CIDR.`);
  const [addr = '', len] = parts;
  const bytes = addressBytes(addr);
  if (!bytes) throw new Error(`"${text}" is not an IP address or CIDR.`);
  const max = bytes.length * 8;
  const prefix = len === undefined ? max : Number(len);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > max || (len !== undefined && !/^\d{1,3}$/.test(len))) throw new Error(`"${text}" has an invalid prefix length.`);
  return { bytes, prefix, text: text.trim() };
}

/** A comma- or space-separated list; throws on the first invalid entry. */
export function parseCidrs(list: string): Cidr[] {
  return list.split(/[\s,]+/).filter(Boolean).map(parseCidr);
}

export function cidrContains(cidr: Cidr, address: string): boolean {
  const b = addressBytes(address);
  if (!b || b.length !== cidr.bytes.length) return false;
  let bits = cidr.prefix;
  for (let i = 0; bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if ((b[i]! & mask) !== (cidr.bytes[i]! & mask)) return false;
  }
  return true;
}

export function inAny(cidrs: readonly Cidr[], address: string | undefined): boolean {
  return address !== undefined && cidrs.some((c) => cidrContains(c, address));
}
