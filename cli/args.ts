/**
 * Argument parsing on node:util parseArgs in strict mode: unknown options, missing values and
 * stray positionals are usage errors (exit 2) naming the command's --help.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './errors';

export type Options = NonNullable<ParseArgsConfig['options']>;

/** Options every command accepts. */
export const COMMON_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  debug: { type: 'boolean' },
} as const satisfies Options;

export interface Parsed<V> {
  values: V;
  positionals: string[];
}

/** parseArgs with strict checking; its TypeError codes become one readable UsageError. */
export function parse<const O extends Options>(command: string, args: readonly string[], options: O, allowPositionals = false) {
  try {
    return parseArgs({ args: [...args], options: { ...COMMON_OPTIONS, ...options }, strict: true, allowPositionals });
  } catch (e) {
    // Node's messages run on ("… To specify a positional argument …"): keep the first sentence.
    const first = (e instanceof Error ? e.message : String(e)).split(/\.\s/)[0] ?? '';
    const message = first.charAt(0).toLowerCase() + first.slice(1);
    throw new UsageError(message, `see kube-posture ${command} --help`);
  }
}

/** `--x a --x b,c` → [a, b, c], each checked against `allowed`. */
export function listOption<T extends string>(command: string, name: string, raw: readonly string[] | undefined, allowed: readonly T[]): T[] | undefined {
  if (!raw || raw.length === 0) return undefined;
  const items = raw.flatMap((r) => r.split(',')).map((s) => s.trim()).filter(Boolean);
  const bad = items.filter((i) => !(allowed as readonly string[]).includes(i));
  if (bad.length) throw new UsageError(`--${name} does not accept ${bad.map((b) => `"${b}"`).join(', ')}; use one of ${allowed.join(', ')}`, `see kube-posture ${command} --help`);
  return [...new Set(items)] as T[];
}

/** A single-choice option checked against `allowed`, with a default. */
export function choice<T extends string>(command: string, name: string, raw: string | undefined, allowed: readonly T[], fallback: T): T;
export function choice<T extends string>(command: string, name: string, raw: string | undefined, allowed: readonly T[]): T | undefined;
export function choice<T extends string>(command: string, name: string, raw: string | undefined, allowed: readonly T[], fallback?: T): T | undefined {
  if (raw === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(raw)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')}, got "${raw}"`, `see kube-posture ${command} --help`);
  return raw as T;
}
