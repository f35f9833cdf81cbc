import { describe, expect, it } from 'vitest';
import type { LayoutBox, LayoutEdge, Point } from '@/lib/layout/types';
import { edgeProtection } from '@/lib/ui/edge-style';
import { edgeShortLabel, placeEdgeLabels, pointOnEdge } from './edge-label';

describe('edgeShortLabel', () => {
  it('names the TLS state, then the authentication', () => {
    expect(edgeShortLabel({ tls: 'verified', auth: 'client-cert' })).toBe('TLS + client cert');
    expect(edgeShortLabel({ tls: 'verified', auth: 'token' })).toBe('TLS + token');
    expect(edgeShortLabel({ tls: 'none', auth: 'none' })).toBe('plaintext + no auth');
    expect(edgeShortLabel({ tls: 'unverified', auth: 'anonymous-allowed' })).toBe('TLS unverified + anonymous');
    expect(edgeShortLabel({ tls: 'unknown', auth: 'unknown' })).toBe('TLS unknown + auth unknown');
  });

  it('says local socket for unix sockets, which the legend does not paint as plaintext', () => {
    expect(edgeShortLabel({ tls: 'none', auth: 'none', protocol: 'unix' })).toBe('local socket');
    expect(edgeProtection({ tls: 'none', auth: 'none', protocol: 'unix' })).toBe('local');
  });

  it('never calls an exposed connection plain "TLS + …" with real auth', () => {
    for (const tls of ['verified', 'unverified', 'none', 'unknown'] as const) {
      for (const auth of ['client-cert', 'token', 'anonymous-allowed', 'none', 'unknown'] as const) {
        const words = edgeShortLabel({ tls, auth });
        const secureWords = /^TLS \+ (client cert|token)$/.test(words);
        expect(secureWords).toBe(edgeProtection({ tls, auth }) === 'secure');
      }
    }
  });
});

const box = (id: string, x: number, y: number, width = 200, height = 56): LayoutBox => ({ id, kind: 'component', x, y, width, height, label: id, members: [id], layer: 'control-plane' });
const edge = (id: string, from: Point, to: Point, tls: LayoutEdge['tls'] = 'verified', auth: LayoutEdge['auth'] = 'client-cert'): LayoutEdge => ({
  id,
  from: 'a',
  to: 'b',
  edgeIds: [id],
  kind: 'api',
  tls,
  auth,
  label: id,
  source: from,
  target: to,
  orientation: 'vertical',
});

describe('pointOnEdge', () => {
  it('starts and ends at the edge ends and passes the middle of the chord', () => {
    const e = edge('e', { x: 0, y: 0 }, { x: 100, y: 200 });
    expect(pointOnEdge(e, 0)).toEqual({ x: 0, y: 0 });
    expect(pointOnEdge(e, 1)).toEqual({ x: 100, y: 200 });
    expect(pointOnEdge(e, 0.5)).toEqual({ x: 50, y: 100 });
  });
});

describe('placeEdgeLabels', () => {
  it('puts a lone label at the middle', () => {
    const spots = placeEdgeLabels([edge('e', { x: 100, y: 0 }, { x: 100, y: 300 })], []);
    expect(spots.get('e')).toEqual({ x: 100, y: 150, free: true });
  });

  it('moves a label off a box in the way, along its own line', () => {
    const e = edge('e', { x: 100, y: 0 }, { x: 100, y: 300 });
    const spot = placeEdgeLabels([e], [box('in-the-way', 0, 135, 200, 30)]).get('e');
    expect(spot?.free).toBe(true);
    expect(spot?.x).toBe(100);
    expect(Math.abs((spot?.y ?? 0) - 150)).toBeGreaterThan(20);
  });

  it('places the worst-protected of two overlapping labels first and never stacks two', () => {
    const plain = edge('plain', { x: 100, y: 0 }, { x: 100, y: 40 }, 'none', 'none');
    const secure = edge('secure', { x: 110, y: 0 }, { x: 110, y: 40 });
    const spots = placeEdgeLabels([secure, plain], []);
    expect(spots.get('plain')).toMatchObject({ free: true, y: 20 });
    const s = spots.get('secure');
    const p = spots.get('plain');
    expect(s?.free === false || Math.abs((s?.y ?? 0) - (p?.y ?? 0)) >= 14).toBe(true);
  });

  it('says equal words once for lines from one box, and again for lines from another', () => {
    const a = { ...edge('a', { x: 100, y: 0 }, { x: 0, y: 300 }), from: 'api', to: 'n1' };
    const b = { ...edge('b', { x: 100, y: 0 }, { x: 400, y: 300 }), from: 'api', to: 'n2' };
    const c = { ...edge('c', { x: 700, y: 0 }, { x: 900, y: 300 }), from: 'other', to: 'n3' };
    const spots = placeEdgeLabels([a, b, c], []);
    expect([spots.get('a')?.free, spots.get('b')?.free, spots.get('c')?.free]).toEqual([true, false, true]);
  });

  it('keeps a label that fits nowhere at the middle, for hover only', () => {
    const e = edge('e', { x: 100, y: 0 }, { x: 100, y: 300 });
    expect(placeEdgeLabels([e], [box('wall', 0, 0, 300, 300)]).get('e')).toEqual({ x: 100, y: 150, free: false });
  });
});
