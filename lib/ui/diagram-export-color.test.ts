import { describe, expect, it } from 'vitest';
import { parseCssColor } from './diagram-export-color';

describe('parseCssColor', () => {
  it('reads rgb in both syntaxes and hex', () => {
    expect(parseCssColor('rgb(255, 255, 255)')).toEqual({ hex: '#ffffff', alpha: 1 });
    expect(parseCssColor('rgba(0, 0, 0, 0)')).toEqual({ hex: '#000000', alpha: 0 });
    expect(parseCssColor('rgb(24 24 27 / 0.5)')).toEqual({ hex: '#18181b', alpha: 0.5 });
    expect(parseCssColor('rgb(100% 0% 0% / 25%)')).toEqual({ hex: '#ff0000', alpha: 0.25 });
    expect(parseCssColor('#abc')).toEqual({ hex: '#aabbcc', alpha: 1 });
    expect(parseCssColor('#11223380')?.alpha).toBeCloseTo(0.5, 2);
    expect(parseCssColor('transparent')).toEqual({ hex: '#000000', alpha: 0 });
  });

  it('turns Tailwind 4 oklch palette colours into the sRGB hex they display as', () => {
    // Tailwind 4.x: zinc-500 = oklch(55.2% 0.016 285.938) ≈ #71717b; red-600 = oklch(57.7% 0.245 27.325) ≈ #e7000b.
    expect(parseCssColor('oklch(0.552 0.016 285.938)')?.hex).toBe('#71717b');
    expect(parseCssColor('oklch(55.2% 0.016 285.938)')?.hex).toBe('#71717b');
    expect(parseCssColor('oklch(0.577 0.245 27.325)')?.hex).toBe('#e7000b');
    expect(parseCssColor('oklch(1 0 0)')).toEqual({ hex: '#ffffff', alpha: 1 });
    expect(parseCssColor('oklch(0 0 0)')).toEqual({ hex: '#000000', alpha: 1 });
  });

  it('reads the lab() Chromium reports for Tailwind colours (values taken from a real export)', () => {
    // zinc-900 ≈ #18181b, zinc-50 ≈ #fafafa, zinc-400 ≈ #9f9fa9.
    expect(parseCssColor('lab(8.30603 0.618205 -2.16572)')?.hex).toBe('#18181b');
    expect(parseCssColor('lab(98.26 0 0)')?.hex).toBe('#fafafa');
    expect(parseCssColor('lab(65.6464 1.53497 -5.42429)')?.hex).toBe('#9f9fa9');
    expect(parseCssColor('lab(50% 0 0 / 0.5)')?.alpha).toBe(0.5);
    expect(parseCssColor('lch(98.26 0 0)')?.hex).toBe('#fafafa');
    expect(parseCssColor('lab(100 0 0)')?.hex).toBe('#ffffff');
  });

  it('keeps the alpha of color-mix results, which Chromium reports in oklab or color()', () => {
    const mixed = parseCssColor('oklab(0.985 0 0 / 0.7)');
    expect(mixed?.alpha).toBeCloseTo(0.7);
    expect(mixed?.hex).toBe('#fafafa');
    expect(parseCssColor('oklab(0.985 none none / 0.7)')?.hex).toBe('#fafafa');
    expect(parseCssColor('color(srgb 1 0.5 0 / 0.4)')).toEqual({ hex: '#ff8000', alpha: 0.4 });
    expect(parseCssColor('color(srgb-linear 1 1 1)')?.hex).toBe('#ffffff');
  });

  it('clips wide-gamut colours into sRGB instead of producing invalid channels', () => {
    const p3 = parseCssColor('color(display-p3 1 0 0)');
    expect(p3?.hex).toBe('#ff0000');
    expect(parseCssColor('oklch(0.7 0.4 145)')?.hex).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('leaves paints that are not colours to the caller', () => {
    for (const v of ['none', 'url("#m")', 'currentcolor', "color(rec2020 1 0 0)", 'rgb(1, 2)', '#12', 'oklch(a b c)']) expect(parseCssColor(v)).toBeUndefined();
  });
});
