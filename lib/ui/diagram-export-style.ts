/**
 * Rules that turn the on-screen diagram into a standalone SVG: which computed styles become
 * presentation attributes, which attributes and elements stay behind. Pure (a style is read
 * through a function), so the rules are unit-tested without a DOM; diagram-export-dom.ts
 * applies them to a clone.
 *
 * Outside the page there are no Tailwind classes, CSS variables or stylesheets, so everything
 * the picture needs is written as attributes; inherited properties only where they differ from
 * the parent, so a box's text does not repeat the font of the whole file.
 */
import { parseCssColor } from './diagram-export-color';

/** Reads one computed property, e.g. `CSSStyleDeclaration.getPropertyValue`. */
export type StyleReader = (property: string) => string;

/** Properties every SVG element inherits from its parent. */
export const INHERITED_PROPERTIES = [
  'fill',
  'fill-opacity',
  'fill-rule',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-dashoffset',
  'stroke-linecap',
  'stroke-linejoin',
  'stroke-miterlimit',
  'stroke-opacity',
  'font-family',
  'font-size',
  'font-style',
  'font-weight',
  'letter-spacing',
  'text-anchor',
  // Connection labels draw a halo in the background colour under their letters.
  'paint-order',
] as const;

/** Not inherited: written only when not the initial value. */
const OWN_PROPERTIES: Record<string, string> = { opacity: '1' };

/** Presentation attributes the clone may carry from React; the computed value replaces them. */
export const STYLE_ATTRIBUTES: ReadonlySet<string> = new Set([...INHERITED_PROPERTIES, ...Object.keys(OWN_PROPERTIES), 'visibility', 'display', 'color']);

const SHAPES = new Set(['path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon']);
/** Elements that draw: hidden ones are left out. (Not defs, markers, titles: those never "display".) */
const RENDERED = new Set([...SHAPES, 'g', 'text', 'tspan', 'svg', 'a']);
const ANIMATIONS = new Set(['animate', 'animatemotion', 'animatetransform', 'set']);
/** Code, foreign content and anything that can load from elsewhere. */
const DROPPED_TAGS = new Set([...ANIMATIONS, 'script', 'foreignobject', 'style', 'iframe', 'image', 'use', 'feimage']);

export const isAnimation = (tag: string): boolean => ANIMATIONS.has(tag.toLowerCase());
/** UI state, not part of the picture: the keyboard focus ring and the selection ring. */
const DROPPED_CLASSES = ['kp-focus-ring'];

/** `12px` → `12`, `7px, 5px` → `7 5`: unitless user units read by every SVG renderer. */
export function stripPx(value: string): string {
  return value
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((v) => (/^-?[\d.]+(e-?\d+)?px$/.test(v) ? String(Number(v.slice(0, -2))) : v))
    .join(' ');
}

const round = (n: number): string => String(Math.round(n * 1000) / 1000);

/** A paint (fill/stroke) as a plain colour and the alpha to fold into its -opacity. */
function paint(value: string): { paint: string; alpha: number } {
  const v = value.trim();
  if (v === 'none') return { paint: v, alpha: 1 };
  // Computed urls can come back absolute (`url("http://host/page#id")`): only the fragment is ours.
  if (v.startsWith('url(')) {
    const id = /#([^"')]+)/.exec(v)?.[1];
    return { paint: id ? `url(#${id})` : 'none', alpha: 1 };
  }
  const c = parseCssColor(v);
  if (!c) return { paint: v, alpha: 1 };
  return c.alpha === 0 ? { paint: 'none', alpha: 1 } : { paint: c.hex, alpha: c.alpha };
}

/**
 * The presentation attributes for one element's computed style, every property written out.
 * Colour alpha moves into fill-/stroke-opacity (multiplied with any opacity already there).
 */
export function presentationAttributes(read: StyleReader): Record<string, string> {
  const out: Record<string, string> = {};
  for (const prop of INHERITED_PROPERTIES) {
    const raw = read(prop).trim();
    if (raw) out[prop] = raw;
  }
  for (const which of ['fill', 'stroke'] as const) {
    const raw = out[which];
    if (raw === undefined) continue;
    const p = paint(raw);
    out[which] = p.paint;
    const opacity = Number(out[`${which}-opacity`] ?? '1');
    out[`${which}-opacity`] = round((Number.isFinite(opacity) ? opacity : 1) * p.alpha);
  }
  for (const prop of ['stroke-width', 'stroke-dasharray', 'stroke-dashoffset', 'font-size', 'letter-spacing'] as const) {
    const v = out[prop];
    if (v !== undefined) out[prop] = stripPx(v);
  }
  for (const [prop, initial] of Object.entries(OWN_PROPERTIES)) {
    const v = read(prop).trim();
    if (v && v !== initial) out[prop] = v;
  }
  return out;
}

/** What an element must say itself: its own properties, and inherited ones that differ from the parent's. */
export function attributesToWrite(own: Record<string, string>, parent: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(own)) {
    const inherited = (INHERITED_PROPERTIES as readonly string[]).includes(k);
    if (!inherited || !parent || parent[k] !== v) out[k] = v;
  }
  return out;
}

/** An element that draws nothing or only shows UI state; left out of the file. */
export function shouldDrop(tag: string, classes: readonly string[], read: StyleReader): boolean {
  const t = tag.toLowerCase();
  if (DROPPED_TAGS.has(t)) return true;
  if (classes.some((c) => DROPPED_CLASSES.includes(c))) return true;
  if (!RENDERED.has(t)) return false;
  if (read('display').trim() === 'none' || read('visibility').trim() === 'hidden') return true;
  if (read('opacity').trim() === '0') return true;
  if (!SHAPES.has(t)) return false;
  // Invisible hit areas (a transparent 10 px stroke under each edge) add weight and nothing else.
  const attrs = presentationAttributes(read);
  const fills = attrs['fill'] !== 'none' && attrs['fill-opacity'] !== '0';
  const strokes = attrs['stroke'] !== 'none' && attrs['stroke-opacity'] !== '0' && Number(attrs['stroke-width'] ?? '1') > 0;
  return !fills && !strokes;
}

/**
 * Whether an attribute of the clone survives. Gone: classes, inline styles, event handlers,
 * data-, ARIA and focus attributes (the file is a picture, not a widget), the style attributes
 * the computed values replace, and any reference that is not to an element of the file itself.
 */
export function keepAttribute(name: string, value: string): boolean {
  const n = name.toLowerCase();
  if (n === 'class' || n === 'style' || n === 'tabindex' || n === 'role' || n === 'focusable') return false;
  if (n.startsWith('on') || n.startsWith('data-') || n.startsWith('aria-')) return false;
  if (STYLE_ATTRIBUTES.has(n)) return false;
  const v = value.trim().toLowerCase();
  if (n === 'href' || n === 'xlink:href') return v.startsWith('#');
  if (v.includes('var(') || v.includes('javascript:')) return false;
  if (v.includes('url(') && !/^url\(\s*["']?#/.test(v)) return false;
  return true;
}

/** SVG text ignores CSS text-transform in most renderers, so the export applies it to the words. */
export function applyTextTransform(text: string, transform: string): string {
  switch (transform.trim()) {
    case 'uppercase':
      return text.toUpperCase();
    case 'lowercase':
      return text.toLowerCase();
    case 'capitalize':
      return text.replace(/(^|\s)(\S)/g, (_m, space: string, c: string) => space + c.toUpperCase());
    default:
      return text;
  }
}

/** Element ids → short ASCII ids (React's useId can contain «» or colons), and url(#…) rewritten to match. */
export function renameIds(ids: readonly string[], prefix = 'kp'): Map<string, string> {
  return new Map(ids.map((id, i) => [id, `${prefix}-${i}`]));
}

export function rewriteUrlRefs(value: string, ids: ReadonlyMap<string, string>): string {
  return value.replace(/url\(\s*(["']?)#([^"')]+)\1\s*\)/g, (m, _q: string, id: string) => {
    const to = ids.get(id);
    return to ? `url(#${to})` : m;
  });
}
