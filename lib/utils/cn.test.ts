import { describe, expect, it } from 'vitest';
import { cn } from './cn';

describe('cn', () => {
  it('joins strings with single spaces', () => {
    expect(cn('a', 'b', 'c')).toBe('a b c');
  });

  it('skips falsy values and booleans', () => {
    expect(cn('a', false, null, undefined, '', 0, true, 'b')).toBe('a b');
  });

  it('keeps classes whose object condition is truthy', () => {
    expect(cn('base', { active: true, disabled: false, hidden: undefined })).toBe('base active');
  });

  it('flattens nested arrays', () => {
    expect(cn(['a', ['b', { c: true }]], 'd')).toBe('a b c d');
  });

  it('returns an empty string for nothing', () => {
    expect(cn()).toBe('');
    expect(cn(null, false)).toBe('');
  });
});
