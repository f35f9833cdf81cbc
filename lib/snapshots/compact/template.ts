/**
 * String templates: the text of thousands of findings differs only by the name of their object
 * (`Deployment ns-1/api: container "app" is privileged.`), so the name is replaced by a token and
 * rows with the same template are stored once. Lossless by construction: `{` is written `{{`, and
 * `{0}`, `{1}` … stand for the template's variables, so fill(holes(s, vars), vars) === s for every
 * string, whatever the variables are.
 */

/** Characters a name is made of: a variable is only replaced where it is not part of a longer word. */
const WORD = /[A-Za-z0-9_-]/;

export class TemplateError extends Error {
  override readonly name = 'TemplateError';
}

function boundedAt(s: string, at: number, v: string): boolean {
  if (!s.startsWith(v, at)) return false;
  const before = s[at - 1];
  const after = s[at + v.length];
  return (before === undefined || !WORD.test(before)) && (after === undefined || !WORD.test(after));
}

/** `s` with every whole-word occurrence of `vars[i]` written `{i}` (longest variable first). */
export function holes(s: string, vars: readonly (string | undefined)[]): string {
  const order = vars
    .map((v, i) => ({ v, i }))
    .filter((x): x is { v: string; i: number } => typeof x.v === 'string' && x.v.length > 0)
    .sort((a, b) => b.v.length - a.v.length);
  let out = '';
  let at = 0;
  while (at < s.length) {
    // Jump to the next place anything can happen: a `{`, or where some variable starts.
    let next = s.indexOf('{', at);
    if (next < 0) next = s.length;
    for (const { v } of order) {
      const k = s.indexOf(v, at);
      if (k >= 0 && k < next) next = k;
    }
    out += s.slice(at, next);
    at = next;
    if (at >= s.length) break;
    const hit = order.find(({ v }) => boundedAt(s, at, v));
    if (hit) {
      out += `{${hit.i}}`;
      at += hit.v.length;
    } else {
      const c = s[at] as string;
      out += c === '{' ? '{{' : c;
      at++;
    }
  }
  return out;
}

/**
 * The inverse of holes(); throws TemplateError on a token that names no variable, or once the
 * result would be longer than `maxLength` (a short template must not expand without bound).
 */
export function fill(t: string, vars: readonly (string | undefined)[], maxLength = Number.MAX_SAFE_INTEGER): string {
  if (!t.includes('{')) return t;
  let out = '';
  let at = 0;
  while (at < t.length) {
    const open = t.indexOf('{', at);
    if (open < 0) {
      out += t.slice(at);
      break;
    }
    out += t.slice(at, open);
    if (t[open + 1] === '{') {
      out += '{';
      at = open + 2;
      continue;
    }
    const close = t.indexOf('}', open);
    const digits = close > open ? t.slice(open + 1, close) : '';
    const value = /^[0-9]{1,2}$/.test(digits) ? vars[Number(digits)] : undefined;
    if (value === undefined) throw new TemplateError(`template token ${JSON.stringify(t.slice(open, open + 4))} names no variable`);
    out += value;
    if (out.length > maxLength) throw new TemplateError(`a template expands to more than ${maxLength} characters`);
    at = close + 1;
  }
  return out;
}
