/**
 * Computed CSS colours → `#rrggbb` plus an alpha, for SVG files opened outside a browser.
 *
 * Tailwind 4 defines its palette in oklch (with lab() fallbacks), and `/70`-style opacity as
 * color-mix(), so Chromium's getComputedStyle answers `lab(8.3 0.6 -2.2)`, `oklch(…)`,
 * `oklab(0.985 0 0 / 0.7)` or `color(srgb …)`. Inkscape, librsvg, office suites and older viewers understand none of these,
 * so the export writes plain sRGB hex and carries the alpha in fill-/stroke-opacity.
 * Colours outside sRGB are clipped per channel, as an sRGB screen would show them.
 */

export interface SrgbColor {
  /** `#rrggbb` */
  hex: string;
  /** 0–1 */
  alpha: number;
}

const clamp01 = (n: number): number => Math.min(1, Math.max(0, n));

/** A number, percentage (of `percentOf`) or `none` (0, as CSS Color 4 says for missing components). */
function component(token: string | undefined, percentOf = 1): number | undefined {
  if (token === undefined) return undefined;
  if (token === 'none') return 0;
  const percent = token.endsWith('%');
  const n = Number(percent ? token.slice(0, -1) : token.replace(/deg$/, ''));
  if (!Number.isFinite(n)) return undefined;
  return percent ? (n / 100) * percentOf : n;
}

const gammaEncode = (c: number): number => (c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055);
const gammaDecode = (c: number): number => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);

function oklabToSrgb(l: number, a: number, b: number): [number, number, number] {
  const l_ = (l + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const m_ = (l - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s_ = (l - 0.0894841775 * a - 1.291485548 * b) ** 3;
  return [
    gammaEncode(4.0767416621 * l_ - 3.3077115913 * m_ + 0.2309699292 * s_),
    gammaEncode(-1.2684380046 * l_ + 2.6097574011 * m_ - 0.3413193965 * s_),
    gammaEncode(-0.0041960863 * l_ - 0.7034186147 * m_ + 1.707614701 * s_),
  ];
}

const D50_WHITE = [0.3457 / 0.3585, 1, (1 - 0.3457 - 0.3585) / 0.3585] as const;

/** CIE Lab (D50, as CSS lab() is) → sRGB: through XYZ, Bradford-adapted to D65 (CSS Color 4 matrices). */
function labToSrgb(l: number, a: number, b: number): [number, number, number] {
  const e = 216 / 24389;
  const k = 24389 / 27;
  const fy = (l + 16) / 116;
  const fx = fy + a / 500;
  const fz = fy - b / 200;
  const x = (fx ** 3 > e ? fx ** 3 : (116 * fx - 16) / k) * D50_WHITE[0];
  const y = l > k * e ? fy ** 3 : l / k;
  const z = (fz ** 3 > e ? fz ** 3 : (116 * fz - 16) / k) * D50_WHITE[2];
  const x65 = 0.955473421488075 * x - 0.02309845494876471 * y + 0.06325924320057072 * z;
  const y65 = -0.0283697093338637 * x + 1.0099953980813041 * y + 0.021041441191917323 * z;
  const z65 = 0.012314014864481998 * x - 0.020507649298898964 * y + 1.330365926242124 * z;
  return [
    gammaEncode(3.2409699419045226 * x65 - 1.537383177570094 * y65 - 0.4986107602930034 * z65),
    gammaEncode(-0.9692436362808796 * x65 + 1.8759675015077202 * y65 + 0.04155505740717559 * z65),
    gammaEncode(0.05563007969699366 * x65 - 0.20397695888897652 * y65 + 1.0569715142428786 * z65),
  ];
}

/** Display P3 (gamma-encoded) → sRGB (gamma-encoded), through linear light. */
function p3ToSrgb(r: number, g: number, b: number): [number, number, number] {
  const [lr, lg, lb] = [r, g, b].map(gammaDecode) as [number, number, number];
  return [
    gammaEncode(1.2249401 * lr - 0.2249404 * lg),
    gammaEncode(-0.0420569 * lr + 1.0420571 * lg),
    gammaEncode(-0.0196376 * lr - 0.0786361 * lg + 1.0982735 * lb),
  ];
}

const hex2 = (c: number): string => Math.round(clamp01(c) * 255).toString(16).padStart(2, '0');

function result(rgb: [number, number, number], alpha: number | undefined): SrgbColor {
  return { hex: `#${rgb.map(hex2).join('')}`, alpha: clamp01(alpha ?? 1) };
}

function parseHex(value: string): SrgbColor | undefined {
  const h = value.slice(1);
  if (!/^[0-9a-f]+$/i.test(h)) return undefined;
  const full = h.length === 3 || h.length === 4 ? [...h].map((c) => c + c).join('') : h;
  if (full.length !== 6 && full.length !== 8) return undefined;
  const n = (i: number): number => parseInt(full.slice(i, i + 2), 16) / 255;
  return result([n(0), n(2), n(4)], full.length === 8 ? n(6) : 1);
}

/**
 * Parses the colour forms getComputedStyle produces. Undefined for anything else (`none`,
 * `url(#…)`, keywords): the caller keeps those as they are.
 */
export function parseCssColor(input: string): SrgbColor | undefined {
  const value = input.trim().toLowerCase();
  if (value === 'transparent') return { hex: '#000000', alpha: 0 };
  if (value.startsWith('#')) return parseHex(value);
  const fn = /^([a-z-]+)\((.*)\)$/.exec(value);
  if (!fn) return undefined;
  const name = fn[1] ?? '';
  // Both `rgb(1, 2, 3, 0.5)` and `rgb(1 2 3 / 0.5)`; `color(srgb 1 0 0)` names its space first.
  const [main = '', alphaPart] = (fn[2] ?? '').split('/');
  let tokens = main.split(/[\s,]+/).filter(Boolean);
  let alphaToken = alphaPart?.trim();
  if (alphaToken === undefined && (name === 'rgb' || name === 'rgba') && tokens.length === 4) alphaToken = tokens.pop();
  const alpha = alphaToken === undefined ? 1 : component(alphaToken);
  if (alpha === undefined) return undefined;

  if (name === 'color') {
    const space = tokens[0];
    tokens = tokens.slice(1);
    const [r, g, b] = tokens.map((t) => component(t));
    if (r === undefined || g === undefined || b === undefined || tokens.length !== 3) return undefined;
    if (space === 'srgb') return result([r, g, b], alpha);
    if (space === 'srgb-linear') return result([gammaEncode(r), gammaEncode(g), gammaEncode(b)], alpha);
    if (space === 'display-p3') return result(p3ToSrgb(r, g, b), alpha);
    return undefined;
  }
  if (tokens.length !== 3) return undefined;
  if (name === 'rgb' || name === 'rgba') {
    const [r, g, b] = tokens.map((t) => component(t, 255));
    if (r === undefined || g === undefined || b === undefined) return undefined;
    return result([r / 255, g / 255, b / 255], alpha);
  }
  if (name === 'oklab') {
    const [l, a, b] = [component(tokens[0]), component(tokens[1], 0.4), component(tokens[2], 0.4)];
    if (l === undefined || a === undefined || b === undefined) return undefined;
    return result(oklabToSrgb(l, a, b), alpha);
  }
  if (name === 'lab') {
    const [l, a, b] = [component(tokens[0], 100), component(tokens[1], 125), component(tokens[2], 125)];
    if (l === undefined || a === undefined || b === undefined) return undefined;
    return result(labToSrgb(l, a, b), alpha);
  }
  if (name === 'lch') {
    const [l, c, h] = [component(tokens[0], 100), component(tokens[1], 150), component(tokens[2])];
    if (l === undefined || c === undefined || h === undefined) return undefined;
    const rad = (h * Math.PI) / 180;
    return result(labToSrgb(l, c * Math.cos(rad), c * Math.sin(rad)), alpha);
  }
  if (name === 'oklch') {
    const [l, c, h] = [component(tokens[0]), component(tokens[1], 0.4), component(tokens[2])];
    if (l === undefined || c === undefined || h === undefined) return undefined;
    const rad = (h * Math.PI) / 180;
    return result(oklabToSrgb(l, c * Math.cos(rad), c * Math.sin(rad)), alpha);
  }
  return undefined;
}
