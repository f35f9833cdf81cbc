/**
 * SVG text does not wrap or ellipsize, so labels are shortened to the width the layout reserved.
 * Widths are estimated from an average glyph width of the UI font: good enough for names, and
 * the full text is always in the tooltip, the aria-label and the drill-down.
 */
// Measured against the system UI font at semibold: 0.56 em underestimated lowercase-heavy names.
const AVERAGE_GLYPH_EM = 0.6;

export function fitText(text: string, maxWidth: number, fontSize: number): string {
  const maxChars = Math.floor(maxWidth / (fontSize * AVERAGE_GLYPH_EM));
  if (text.length <= maxChars) return text;
  if (maxChars <= 1) return '…';
  // Keep the end of names like `ip-10-0-1-20.eu-west-1.compute.internal`? The start differs more
  // between nodes in practice (`ip-10-0-1-20…`), so cut the end.
  return `${text.slice(0, maxChars - 1)}…`;
}
