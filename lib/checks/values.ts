/**
 * Small parsers for the values checks compare: flag lists, addresses, Go durations, dates.
 * Pure and dependency-free; re-exported by helpers.ts.
 */
import type { Flags } from '../model/flags';

/** Admission plugins enabled by flags (`--enable-admission-plugins`, legacy `--admission-control`). */
export function enabledAdmissionPlugins(flags: Flags): string[] {
  return [...splitList(flags['enable-admission-plugins']), ...splitList(flags['admission-control'])];
}

export function splitList(value: string | undefined): string[] {
  if (!value) return [];
  return value.split(',').map((s) => s.trim()).filter(Boolean);
}

/** Hosts that only accept local connections. */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || h.startsWith('127.');
}

/** The host part of `host:port`, `[v6]:port` or a URL. */
export function hostOf(address: string): string {
  const noScheme = address.replace(/^[a-z]+:\/\//i, '').split('/')[0] ?? '';
  if (noScheme.startsWith('[')) return noScheme.slice(0, noScheme.indexOf(']') + 1);
  const parts = noScheme.split(':');
  // A bare IPv6 address has several colons and no port.
  return parts.length > 2 ? noScheme : (parts[0] ?? '');
}

/** Go `time.Duration` text (`1h30m`, `300s`, `1m0s`) in seconds; undefined if unparsable. */
export function parseDurationSeconds(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const t = text.trim();
  if (/^\d+$/.test(t)) return Number(t); // plain integers are seconds in most config files
  const units: Record<string, number> = { ns: 1e-9, us: 1e-6, µs: 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };
  let total = 0;
  let matched = '';
  for (const m of t.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)) {
    total += Number(m[1]) * (units[m[2] ?? ''] ?? 0);
    matched += m[0];
  }
  return matched === t && matched !== '' ? total : undefined;
}

/** Whole days between two ISO timestamps (b − a). */
export function daysBetween(a: string, b: string): number {
  return (Date.parse(b) - Date.parse(a)) / 86_400_000;
}
