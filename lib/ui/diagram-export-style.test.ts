import { describe, expect, it } from 'vitest';
import { applyTextTransform, attributesToWrite, keepAttribute, presentationAttributes, renameIds, rewriteUrlRefs, shouldDrop, stripPx, type StyleReader } from './diagram-export-style';

/** A computed style as Chromium reports it for an SVG element, overridable per test. */
function computed(over: Record<string, string> = {}): StyleReader {
  const base: Record<string, string> = {
    fill: 'rgb(0, 0, 0)',
    'fill-opacity': '1',
    'fill-rule': 'nonzero',
    stroke: 'none',
    'stroke-width': '1px',
    'stroke-dasharray': 'none',
    'stroke-dashoffset': '0px',
    'stroke-linecap': 'butt',
    'stroke-linejoin': 'miter',
    'stroke-miterlimit': '4',
    'stroke-opacity': '1',
    'font-family': 'ui-sans-serif, system-ui, sans-serif',
    'font-size': '16px',
    'font-style': 'normal',
    'font-weight': '400',
    'letter-spacing': 'normal',
    'text-anchor': 'start',
    'paint-order': 'normal',
    opacity: '1',
    display: 'inline',
    visibility: 'visible',
    'text-transform': 'none',
    ...over,
  };
  return (p) => base[p] ?? '';
}

describe('presentationAttributes', () => {
  it('resolves Tailwind colours into hex and folds colour alpha into the -opacity', () => {
    const a = presentationAttributes(computed({ fill: 'oklab(0.985 0 0 / 0.7)', stroke: 'oklch(0.871 0.006 286.286)', 'fill-opacity': '0.5' }));
    expect(a['fill']).toBe('#fafafa');
    expect(a['fill-opacity']).toBe('0.35');
    expect(a['stroke']).toMatch(/^#[0-9a-f]{6}$/);
    expect(a['stroke-opacity']).toBe('1');
  });

  it('writes lengths and dash patterns as plain user units', () => {
    const a = presentationAttributes(computed({ 'stroke-width': '2.4px', 'stroke-dasharray': '1.5px, 4px', 'font-size': '12.5px', 'letter-spacing': '0.65px' }));
    expect(a).toMatchObject({ 'stroke-width': '2.4', 'stroke-dasharray': '1.5 4', 'font-size': '12.5', 'letter-spacing': '0.65' });
  });

  it('turns a transparent paint into none and keeps only local url references', () => {
    expect(presentationAttributes(computed({ stroke: 'rgba(0, 0, 0, 0)' }))['stroke']).toBe('none');
    expect(presentationAttributes(computed({ fill: 'url("http://127.0.0.1:3000/clusters/x#grad")' }))['fill']).toBe('url(#grad)');
    expect(presentationAttributes(computed({ fill: 'url("http://evil.example/x.svg")' }))['fill']).toBe('none');
  });

  it('keeps the halo of connection labels (stroke painted under the fill)', () => {
    const a = presentationAttributes(computed({ 'paint-order': 'stroke', stroke: 'rgb(250, 250, 250)', 'stroke-width': '4px', 'stroke-linejoin': 'round' }));
    expect(a).toMatchObject({ 'paint-order': 'stroke', stroke: '#fafafa', 'stroke-width': '4', 'stroke-linejoin': 'round' });
  });

  it('writes opacity only when it is not 1', () => {
    expect(presentationAttributes(computed())).not.toHaveProperty('opacity');
    expect(presentationAttributes(computed({ opacity: '0.25' }))['opacity']).toBe('0.25');
  });

  it('never leaves a CSS variable: computed values are resolved', () => {
    const a = presentationAttributes(computed({ fill: 'oklch(0.552 0.016 285.938)', stroke: 'oklch(0.577 0.245 27.325)' }));
    expect(JSON.stringify(a)).not.toMatch(/var\(|oklch|oklab/);
  });
});

describe('attributesToWrite', () => {
  it('repeats inherited properties only where they differ from the parent, and always writes own ones', () => {
    const parent = presentationAttributes(computed());
    const child = presentationAttributes(computed({ fill: 'rgb(255, 0, 0)', opacity: '0.25' }));
    expect(attributesToWrite(child, parent)).toEqual({ fill: '#ff0000', opacity: '0.25' });
    expect(Object.keys(attributesToWrite(parent, undefined))).toContain('font-family');
  });
});

describe('shouldDrop', () => {
  it('drops code, foreign content, animation and anything that loads from elsewhere', () => {
    for (const tag of ['script', 'foreignObject', 'animateMotion', 'image', 'use', 'style']) expect(shouldDrop(tag, [], computed())).toBe(true);
  });

  it('drops the focus and selection ring, hidden elements and invisible hit areas', () => {
    expect(shouldDrop('rect', ['kp-focus-ring', 'pointer-events-none'], computed({ stroke: 'rgb(2, 132, 199)' }))).toBe(true);
    expect(shouldDrop('g', [], computed({ display: 'none' }))).toBe(true);
    expect(shouldDrop('rect', [], computed({ opacity: '0' }))).toBe(true);
    expect(shouldDrop('path', [], computed({ fill: 'none', stroke: 'rgba(0, 0, 0, 0)', 'stroke-width': '10px' }))).toBe(true);
  });

  it('keeps what draws, and non-rendered containers whatever their display', () => {
    expect(shouldDrop('path', [], computed({ fill: 'none', stroke: 'rgb(113, 113, 123)' }))).toBe(false);
    expect(shouldDrop('rect', [], computed({ fill: 'rgb(255, 255, 255)' }))).toBe(false);
    expect(shouldDrop('text', [], computed())).toBe(false);
    expect(shouldDrop('defs', [], computed({ display: 'none' }))).toBe(false);
    expect(shouldDrop('title', [], computed({ display: 'none' }))).toBe(false);
    expect(shouldDrop('marker', [], computed({ display: 'none' }))).toBe(false);
  });
});

describe('keepAttribute', () => {
  it('keeps geometry, transforms and local references', () => {
    for (const [n, v] of [
      ['x', '10'],
      ['d', 'M0 0L1 1'],
      ['transform', 'translate(1 2)'],
      ['marker-end', 'url(#kp-0)'],
      ['viewBox', '0 0 10 10'],
      ['href', '#kp-1'],
      ['text-anchor-x', 'x'],
    ] as const)
      expect(keepAttribute(n, v), n).toBe(true);
  });

  it('drops classes, styles, handlers, widget attributes and anything pointing outside the file', () => {
    for (const [n, v] of [
      ['class', 'fill-white dark:fill-zinc-900'],
      ['style', 'fill: var(--color-white)'],
      ['onclick', 'alert(1)'],
      ['data-box-id', 'x'],
      ['aria-label', 'kube-apiserver'],
      ['tabindex', '0'],
      ['role', 'button'],
      ['fill', 'var(--color-zinc-50)'],
      ['stroke-width', '2'],
      ['href', 'https://example.com/x.svg'],
      ['xlink:href', 'javascript:alert(1)'],
      ['marker-end', 'url(https://example.com/m.svg#a)'],
      ['filter', 'var(--kp)'],
    ] as const)
      expect(keepAttribute(n, v), n).toBe(false);
  });
});

describe('text and ids', () => {
  it('applies text-transform to the words, since SVG renderers ignore it', () => {
    expect(applyTextTransform('Control plane', 'uppercase')).toBe('CONTROL PLANE');
    expect(applyTextTransform('Control Plane', 'lowercase')).toBe('control plane');
    expect(applyTextTransform('worker nodes', 'capitalize')).toBe('Worker Nodes');
    expect(applyTextTransform('As is', 'none')).toBe('As is');
  });

  it('stripPx leaves non-pixel values alone', () => {
    expect(stripPx('normal')).toBe('normal');
    expect(stripPx('7px, 5px')).toBe('7 5');
    expect(stripPx('1e-3px')).toBe('0.001');
  });

  it('renames ids to short ASCII names and rewrites references to them', () => {
    const ids = renameIds(['kp-arrow-«r1»-secure', 'kp-arrow-«r1»-exposed']);
    expect(ids.get('kp-arrow-«r1»-exposed')).toBe('kp-1');
    expect(rewriteUrlRefs('url(#kp-arrow-«r1»-exposed)', ids)).toBe('url(#kp-1)');
    expect(rewriteUrlRefs('url("#kp-arrow-«r1»-secure")', ids)).toBe('url(#kp-0)');
    expect(rewriteUrlRefs('url(#unknown)', ids)).toBe('url(#unknown)');
  });
});
