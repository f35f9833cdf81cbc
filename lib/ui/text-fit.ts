/**
 * SVG text does not wrap or ellipsize, so labels are shortened to the width the layout reserved.
 * Widths are estimated per character from the proportions of the UI font as Debian's Chromium
 * renders it (DejaVu Sans; semibold titles use its bold face, one of the widest): good enough
 * for names, no DOM needed, and the full text is always in the tooltip, the aria-label and the
 * drill-down. An average width per character was either too tight for names of narrow letters
 * (`kube-apiserver`) or let wide ones (`kubernetes-dashboard`) run into the count badge.
 */
export type TextWeight = 'regular' | 'semibold';

/** Advance widths in em of the bold face, by character class (DejaVu Sans Bold, rounded up). */
function boldEm(ch: string): number {
  if ('ijl.,:;\'|!'.includes(ch)) return 0.35;
  if (ch === ' ') return 0.35;
  if ('ft'.includes(ch)) return 0.46;
  if (ch === 'r') return 0.5;
  if ('-_/()[]'.includes(ch)) return 0.45;
  if ('mw'.includes(ch)) return 1.05;
  if ('MW'.includes(ch)) return 1.05;
  if ('sczx'.includes(ch)) return 0.66;
  if (ch >= '0' && ch <= '9') return 0.7;
  if (ch >= 'A' && ch <= 'Z') return 0.8;
  if (ch === '…') return 0.84;
  return 0.71;
}

/** The regular face is about a tenth narrower than the bold one. */
const REGULAR_SCALE = 0.9;

/** Estimated width in px of `text` at `fontSize`. */
export function textWidth(text: string, fontSize: number, weight: TextWeight = 'regular'): number {
  let em = 0;
  for (const ch of text) em += boldEm(ch);
  return em * fontSize * (weight === 'semibold' ? 1 : REGULAR_SCALE);
}

/**
 * `text` if it fits in `maxWidth`, else its longest start that fits with an ellipsis. Cloud node
 * names differ more at the start (`ip-10-0-1-20…`) than at the end, so the end is cut.
 */
export function fitText(text: string, maxWidth: number, fontSize: number, weight: TextWeight = 'regular'): string {
  if (textWidth(text, fontSize, weight) <= maxWidth) return text;
  const budget = maxWidth - textWidth('…', fontSize, weight);
  const scale = fontSize * (weight === 'semibold' ? 1 : REGULAR_SCALE);
  let used = 0;
  let end = 0;
  for (const ch of text) {
    const w = boldEm(ch) * scale;
    if (used + w > budget) break;
    used += w;
    end += ch.length;
  }
  return end === 0 ? '…' : `${text.slice(0, end)}…`;
}
