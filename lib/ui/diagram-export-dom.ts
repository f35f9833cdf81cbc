/**
 * Browser side of the diagram export: clone the drawn SVG with its computed styles written as
 * attributes (diagram-export-style.ts), serialize it, rasterize it for PNG, hand the file over.
 * Nothing leaves the browser; no server round trip.
 */
import type { Bounds, ExportTheme, ExportTitle } from './diagram-export';
import { applyTextTransform, attributesToWrite, isAnimation, keepAttribute, presentationAttributes, renameIds, rewriteUrlRefs, shouldDrop } from './diagram-export-style';
import { pngScale } from './diagram-export';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The drawn layers: the svg's direct children except <defs>, whose transform is the zoom. */
function layers(svg: SVGSVGElement): SVGGraphicsElement[] {
  return [...svg.children].filter((c): c is SVGGraphicsElement => c instanceof SVGGraphicsElement && c.localName !== 'defs');
}

/** The whole diagram in its own coordinates, whatever the zoom: getBBox leaves out the element's own transform. */
export function diagramBounds(svg: SVGSVGElement): Bounds {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const layer of layers(svg)) {
    const b = layer.getBBox();
    if (b.width === 0 && b.height === 0) continue;
    x0 = Math.min(x0, b.x);
    y0 = Math.min(y0, b.y);
    x1 = Math.max(x1, b.x + b.width);
    y1 = Math.max(y1, b.y + b.height);
  }
  if (!Number.isFinite(x0)) return { x: 0, y: 0, width: 0, height: 0 };
  // Strokes and rounded joins reach a little past the geometry getBBox measures.
  const m = 4;
  return { x: Math.floor(x0 - m), y: Math.floor(y0 - m), width: Math.ceil(x1 - x0 + 2 * m), height: Math.ceil(y1 - y0 + 2 * m) };
}

/**
 * Runs `read` with the page in the given theme. Tailwind's dark: variant follows the `dark`
 * class on <html>; flipping it, reading styles and flipping it back within one task never
 * paints. Transitions are switched off meanwhile, or buttons would animate back to their colours.
 * (A constructed stylesheet is CSSOM, not an inline <style>, so the page's CSP allows it.)
 */
export function withTheme<T>(theme: ExportTheme, read: () => T): T {
  const root = document.documentElement;
  const dark = theme === 'dark';
  if (root.classList.contains('dark') === dark) return read();
  const before = document.adoptedStyleSheets;
  const still = new CSSStyleSheet();
  still.replaceSync('*,*::before,*::after{transition:none!important}');
  document.adoptedStyleSheets = [...before, still];
  root.classList.toggle('dark', dark);
  try {
    return read();
  } finally {
    root.classList.toggle('dark', !dark);
    // Settle the restored styles while transitions are still off.
    void root.offsetHeight;
    document.adoptedStyleSheets = before;
  }
}

/**
 * Runs `read` with the diagram as it looks at natural size, which the file is: connection labels
 * that show once zoomed in (the viewport's `data-edge-labels`, architecture-diagram.tsx) show in
 * the file whatever the zoom on screen.
 */
function atNaturalSize<T>(diagram: SVGSVGElement, read: () => T): T {
  const gate = diagram.closest<HTMLElement>('[data-edge-labels]');
  const before = gate?.dataset['edgeLabels'];
  if (!gate || before === 'on') return read();
  gate.dataset['edgeLabels'] = 'on';
  try {
    return read();
  } finally {
    if (before === undefined) delete gate.dataset['edgeLabels'];
    else gate.dataset['edgeLabels'] = before;
  }
}

interface InlineContext {
  ids: ReadonlyMap<string, string>;
  /** Clones of elements marked data-export-part, by part name. */
  parts: Map<string, { clone: Element; attrs: Record<string, string> }>;
}

/** A clone of `original` carrying its computed look as attributes; null when it draws nothing. */
function inlineTree(original: Element, parentAttrs: Record<string, string> | undefined, ctx: InlineContext): Element | null {
  const style = getComputedStyle(original);
  const read = (p: string): string => style.getPropertyValue(p);
  // An animated element (the walkthrough's moving dot) would sit frozen at the origin.
  const animated = [...original.children].some((c) => isAnimation(c.localName));
  if (animated || shouldDrop(original.localName, [...original.classList], read)) return null;

  const clone = document.createElementNS(SVG_NS, original.localName);
  for (const { name, value } of original.attributes) {
    if (!keepAttribute(name, value)) continue;
    const v = name === 'id' ? (ctx.ids.get(value) ?? value) : rewriteUrlRefs(value, ctx.ids);
    clone.setAttribute(name, v);
  }
  const own = presentationAttributes(read);
  for (const [k, v] of Object.entries(attributesToWrite(own, parentAttrs))) clone.setAttribute(k, v);
  const part = original.getAttribute('data-export-part');
  if (part) ctx.parts.set(part, { clone, attrs: own });

  const transform = read('text-transform');
  for (const child of original.childNodes) {
    if (child instanceof Element) {
      const c = inlineTree(child, own, ctx);
      if (c) clone.append(c);
    } else if (child.nodeType === Node.TEXT_NODE && child.textContent) {
      clone.append(applyTextTransform(child.textContent, transform));
    }
  }
  return clone;
}

export interface StandaloneSvgInput {
  /** The diagram as drawn on the page. */
  diagram: SVGSVGElement;
  /** The export frame (title, background, legend) rendered for this export, with a `data-export-part="diagram"` slot. */
  frame: SVGSVGElement;
  theme: ExportTheme;
  title: ExportTitle;
}

/** The standalone SVG file's text: styles inlined, zoom removed, no scripts, no outside references. */
export function standaloneSvg({ diagram, frame, theme, title }: StandaloneSvgInput): string {
  const root = withTheme(theme, () => atNaturalSize(diagram, () => {
    const idList = [...diagram.querySelectorAll('[id]'), ...frame.querySelectorAll('[id]')].map((e) => e.id);
    const ctx: InlineContext = { ids: renameIds(idList), parts: new Map() };
    const out = inlineTree(frame, undefined, ctx);
    const slot = ctx.parts.get('diagram');
    if (!out || !slot) throw new Error('the export frame did not render');

    const diagramStyle = getComputedStyle(diagram);
    const diagramAttrs = presentationAttributes((p) => diagramStyle.getPropertyValue(p));
    const body = document.createElementNS(SVG_NS, 'g');
    for (const [k, v] of Object.entries(attributesToWrite(diagramAttrs, slot.attrs))) body.setAttribute(k, v);
    const drawn = new Set<Element>(layers(diagram));
    for (const child of diagram.children) {
      const c = inlineTree(child, diagramAttrs, ctx);
      if (!c) continue;
      // The zoom is the screen's business: the file shows everything at 1:1.
      if (drawn.has(child)) c.removeAttribute('transform');
      body.append(c);
    }
    slot.clone.append(body);
    return out;
  }));

  const heading = document.createElementNS(SVG_NS, 'title');
  heading.textContent = `${title.heading} — ${title.detail}`;
  root.prepend(heading);
  root.setAttribute('version', '1.1');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(root)}\n`;
}

/** Draws the SVG on a canvas at 2× (less only for huge clusters) and encodes a PNG. */
export async function svgToPng(svgText: string, width: number, height: number): Promise<Blob> {
  const scale = pngScale(width, height);
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const g = canvas.getContext('2d');
    if (!g) throw new Error('no 2D canvas in this browser');
    // Drawn at the target size, the vector picture is rasterized sharp, not upscaled.
    g.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the picture is too large for a PNG'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Saves a file through the browser's download (an object URL on a temporary link). */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
