/**
 * ANSI styling for terminal output. Colour is decided once by the caller (TTY and NO_COLOR), and
 * every formatter takes a Palette: the plain palette returns text unchanged, so output that goes
 * to a file or a pipe carries no escape codes.
 */
import type { Severity, Status } from '../checks/types';

export interface Palette {
  bold(s: string): string;
  dim(s: string): string;
  severity(sev: Severity, s: string): string;
  status(st: Status | 'waived', s: string): string;
  good(s: string): string;
  bad(s: string): string;
}

const wrap = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;
const red = wrap(31, 39);
const green = wrap(32, 39);
const yellow = wrap(33, 39);
const blue = wrap(34, 39);
const magenta = wrap(35, 39);
const gray = wrap(90, 39);
const bold = wrap(1, 22);
const dim = wrap(2, 22);

const identity = (s: string) => s;

export const PLAIN: Palette = {
  bold: identity,
  dim: identity,
  severity: (_sev, s) => s,
  status: (_st, s) => s,
  good: identity,
  bad: identity,
};

export const ANSI: Palette = {
  bold,
  dim,
  severity: (sev, s) => ({ critical: (t: string) => bold(magenta(t)), high: red, medium: yellow, low: blue, info: gray })[sev](s),
  status: (st, s) => ({ fail: red, warn: yellow, pass: green, unknown: gray, 'not-applicable': gray, waived: gray })[st](s),
  good: green,
  bad: red,
};

/**
 * Colour only for a terminal, and never when NO_COLOR is set to anything (https://no-color.org).
 * FORCE_COLOR (non-empty, not `0`) turns it on for CI logs that render ANSI.
 */
export function shouldColor(isTTY: boolean | undefined, env: Record<string, string | undefined>): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0') return true;
  return isTTY === true && env.TERM !== 'dumb';
}

/** The visible width of a string (ANSI codes removed). */
export function visibleLength(s: string): number {
  // eslint-disable-next-line no-control-regex
  return s.replace(/\u001b\[[0-9;]*m/g, '').length;
}
