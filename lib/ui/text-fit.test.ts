import { describe, expect, it } from 'vitest';
import { fitText } from './text-fit';

describe('fitText', () => {
  it('keeps short names and shortens long ones with an ellipsis', () => {
    expect(fitText('kube-apiserver', 200, 14)).toBe('kube-apiserver');
    const long = fitText('ip-10-0-1-20.eu-west-1.compute.internal', 150, 14);
    expect(long.endsWith('…')).toBe(true);
    expect(long.length).toBeLessThanOrEqual(Math.floor(150 / (14 * 0.6)));
    expect(fitText('abc', 5, 14)).toBe('…');
  });
});
