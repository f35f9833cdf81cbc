import { describe, expect, it } from 'vitest';
import { formatTimestamp, percent, plural, timeAgo } from './format';

describe('format', () => {
  const now = Date.parse('2026-11-29T12:00:00Z');
  it('says how long ago a scan was', () => {
    expect(timeAgo('2026-11-29T11:59:50Z', now)).toBe('just now');
    expect(timeAgo('2026-11-29T11:57:00Z', now)).toBe('3 minutes ago');
    expect(timeAgo('2026-11-29T09:00:00Z', now)).toBe('3 hours ago');
    expect(timeAgo('2026-11-28T12:00:00Z', now)).toBe('yesterday');
    expect(timeAgo(undefined, now)).toBe('never');
  });
  it('formats counts and fractions', () => {
    expect(plural(1, 'node')).toBe('1 node');
    expect(plural(12000, 'finding')).toBe('12,000 findings');
    expect(percent(0.956)).toBe('96%');
    expect(percent(1.2)).toBe('100%');
    expect(formatTimestamp('2026-11-29T05:20:12.345Z')).toBe('2026-11-29 05:20 UTC');
  });
});
