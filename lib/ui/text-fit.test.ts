import { describe, expect, it } from 'vitest';
import { fitText, textWidth } from './text-fit';

describe('fitText', () => {
  it('keeps short names and shortens long ones with an ellipsis, within the width', () => {
    expect(fitText('kube-apiserver', 200, 14)).toBe('kube-apiserver');
    const long = fitText('ip-10-0-1-20.eu-west-1.compute.internal', 150, 14);
    expect(long.endsWith('…')).toBe(true);
    expect(long.startsWith('ip-10-0-1-20')).toBe(true);
    expect(textWidth(long, 14)).toBeLessThanOrEqual(150);
    expect(fitText('abc', 5, 14)).toBe('…');
  });

  it('budgets the bold face for semibold titles: wide names are cut before the badge, narrow ones kept', () => {
    // A 16-character name fits 140 px as regular text but not in bold.
    expect(fitText('kubernetes-dashb', 140, 14)).toBe('kubernetes-dashb');
    const wide = fitText('kubernetes-dashboard', 140, 14, 'semibold');
    expect(wide).toBe('kubernetes-das…');
    expect(textWidth(wide, 14, 'semibold')).toBeLessThanOrEqual(140);
    // Narrow letters: the same number of characters takes less room.
    expect(fitText('kube-apiserver', 126, 14, 'semibold')).toBe('kube-apiserver');
    expect(textWidth('iiii', 14, 'semibold')).toBeLessThan(textWidth('mmmm', 14, 'semibold') / 2);
  });
});
