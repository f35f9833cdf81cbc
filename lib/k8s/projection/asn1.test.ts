import { describe, expect, it } from 'vitest';
import { TAG, base64ToBytes, children, decodeString, readTlv } from './asn1';

describe('readTlv', () => {
  it('reads short and long definite lengths', () => {
    const long = new Uint8Array([0x04, 0x81, 0x80, ...new Array<number>(0x80).fill(1)]);
    expect(readTlv(new Uint8Array([0x30, 0x00]), 0)).toEqual({ tag: 0x30, start: 2, end: 2 });
    expect(readTlv(long, 0)).toEqual({ tag: 0x04, start: 3, end: 3 + 0x80 });
  });

  it('rejects truncated, indefinite and oversized input instead of throwing', () => {
    expect(readTlv(new Uint8Array([0x30, 0x05, 0x00]), 0)).toBeUndefined();
    expect(readTlv(new Uint8Array([0x30, 0x80, 0x00, 0x00]), 0)).toBeUndefined();
    expect(readTlv(new Uint8Array([0x30, 0x85, 1, 1, 1, 1, 1]), 0)).toBeUndefined();
    expect(readTlv(new Uint8Array([0x30]), 0)).toBeUndefined();
    expect(readTlv(new Uint8Array([0x1f, 0x01, 0x00]), 0)).toBeUndefined();
  });

  it('stops listing children at the first malformed one', () => {
    const buf = new Uint8Array([0x30, 0x06, 0x02, 0x01, 0x00, 0x02, 0x09, 0x00]);
    const parent = readTlv(buf, 0);
    expect(parent && children(buf, parent).map((c) => c.tag)).toEqual([TAG.INTEGER]);
  });
});

describe('decodeString', () => {
  it('decodes the string types used in names', () => {
    const bmp = new Uint8Array([0x1e, 0x04, 0x00, 0x41, 0x00, 0xe9]);
    const utf8 = new Uint8Array([0x0c, 0x02, 0xc3, 0xa9]);
    const octets = new Uint8Array([0x04, 0x01, 0x41]);
    expect(decodeString(bmp, { tag: 0x1e, start: 2, end: 6 })).toBe('Aé');
    expect(decodeString(utf8, { tag: 0x0c, start: 2, end: 4 })).toBe('é');
    expect(decodeString(octets, { tag: 0x04, start: 2, end: 3 })).toBeUndefined();
  });
});

describe('base64ToBytes', () => {
  it('ignores whitespace and rejects non-base64', () => {
    expect(base64ToBytes('QU\nJD')).toEqual(new Uint8Array([65, 66, 67]));
    expect(base64ToBytes('***')).toBeUndefined();
  });
});
