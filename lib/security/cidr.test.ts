import { describe, expect, it } from 'vitest';
import { addressBytes, cidrContains, inAny, parseCidr, parseCidrs } from './cidr';
import { clientAddress, PEER_HEADER, peerAddress } from './client-address';

describe('CIDR matching', () => {
  it('matches IPv4 ranges and single addresses', () => {
    expect(cidrContains(parseCidr('10.0.0.0/8'), '10.255.1.2')).toBe(true);
    expect(cidrContains(parseCidr('10.0.0.0/8'), '11.0.0.1')).toBe(false);
    expect(cidrContains(parseCidr('192.168.1.7'), '192.168.1.7')).toBe(true);
    expect(cidrContains(parseCidr('192.168.1.7'), '192.168.1.8')).toBe(false);
    expect(cidrContains(parseCidr('172.16.0.0/12'), '172.31.255.255')).toBe(true);
    expect(cidrContains(parseCidr('172.16.0.0/12'), '172.32.0.0')).toBe(false);
    expect(cidrContains(parseCidr('0.0.0.0/0'), '8.8.8.8')).toBe(true);
  });
  it('folds IPv4-mapped IPv6 peers (dual-stack sockets) to IPv4', () => {
    expect(cidrContains(parseCidr('127.0.0.1/32'), '::ffff:127.0.0.1')).toBe(true);
    expect(addressBytes('::ffff:10.1.2.3')).toEqual(Uint8Array.from([10, 1, 2, 3]));
  });
  it('matches IPv6 ranges, never across families', () => {
    expect(cidrContains(parseCidr('fd00::/8'), 'fd12:3456::1')).toBe(true);
    expect(cidrContains(parseCidr('fd00::/8'), 'fe80::1')).toBe(false);
    expect(cidrContains(parseCidr('::1'), '::1')).toBe(true);
    expect(cidrContains(parseCidr('::/0'), '10.0.0.1')).toBe(false);
    expect(cidrContains(parseCidr('2001:db8::/32'), '[2001:db8:0:1::5]')).toBe(true);
  });
  it('refuses malformed entries', () => {
    for (const bad of ['10.0.0.0/33', 'example.com', '10.0.0/8', '::1/129', '10.0.0.0/-1', '10.0.0.0/8/1']) expect(() => parseCidr(bad)).toThrow();
    expect(parseCidrs(' 10.0.0.0/8, 192.168.0.0/16  fd00::/8 ').map((c) => c.text)).toEqual(['10.0.0.0/8', '192.168.0.0/16', 'fd00::/8']);
    expect(parseCidrs('')).toEqual([]);
  });
  it('inAny is false for unknown addresses', () => {
    expect(inAny(parseCidrs('0.0.0.0/0'), undefined)).toBe(false);
    expect(inAny(parseCidrs('0.0.0.0/0'), 'not-an-ip')).toBe(false);
  });
});

describe('client address', () => {
  const MARK = Symbol.for('kube-posture.peer-address');
  const g = globalThis as unknown as Record<symbol, unknown>;
  const h = (o: Record<string, string>) => new Headers(o);

  it('ignores the peer header unless the preload stamped it', () => {
    delete g[MARK];
    expect(peerAddress(h({ [PEER_HEADER]: '10.0.0.1' }))).toBeUndefined();
    expect(clientAddress(h({ [PEER_HEADER]: '10.0.0.1' }), [])).toBe('unknown');
    g[MARK] = true;
    expect(peerAddress(h({ [PEER_HEADER]: '10.0.0.1' }))).toBe('10.0.0.1');
    delete g[MARK];
  });

  it('looks through trusted proxies only', () => {
    g[MARK] = true;
    const trusted = parseCidrs('10.0.0.0/8');
    // A client talking directly cannot choose its address with X-Forwarded-For.
    expect(clientAddress(h({ [PEER_HEADER]: '203.0.113.9', 'x-forwarded-for': '1.2.3.4' }), trusted)).toBe('203.0.113.9');
    // Behind the trusted proxy chain, the nearest untrusted hop is the client.
    expect(clientAddress(h({ [PEER_HEADER]: '10.0.0.5', 'x-forwarded-for': '6.6.6.6, 198.51.100.7, 10.0.0.9' }), trusted)).toBe('198.51.100.7');
    expect(clientAddress(h({ [PEER_HEADER]: '10.0.0.5' }), trusted)).toBe('10.0.0.5');
    delete g[MARK];
  });
});
