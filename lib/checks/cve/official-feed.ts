/**
 * Converts the official Kubernetes CVE feed (JSON Feed 1.1, KEP-3203) into our feed format.
 *
 * The official items carry no structured version ranges: each has the GitHub issue body as
 * `content_text`, with "Affected Versions" and "Fixed Versions" sections written by people. We
 * read the fixed versions (one per minor) and turn each into a range `X.Y.0 ≤ v < fix`; the
 * oldest range starts at 0 unless the affected list names a lower bound. Items we cannot read
 * (no known component, no fixed version) are reported, never guessed. Pure: no I/O here.
 */
import { compareVersionStrings } from '../semver';
import type { CveEntry, CveRange, CveSeverity } from './match';

export interface OfficialFeedItem {
  id?: string;
  url?: string;
  external_url?: string;
  summary?: string;
  content_text?: string;
  date_published?: string;
}

export interface OfficialFeed {
  version?: string;
  items?: OfficialFeedItem[];
  _kubernetes_io?: { updated_at?: string };
}

export interface Conversion {
  entries: CveEntry[];
  skipped: { id: string; reason: string }[];
}

/** Components our checks match, and how issue texts name them. */
const COMPONENTS: readonly [RegExp, string][] = [
  [/\bkube-apiserver\b|\bapiserver\b/i, 'kube-apiserver'],
  [/\bkubelet\b/i, 'kubelet'],
  [/\bkube-proxy\b/i, 'kube-proxy'],
  [/\bingress-nginx\b/i, 'ingress-nginx'],
];

const VERSION = /v?(\d+\.\d+\.\d+)/g;

/** The text under a heading that contains `title`, up to the next heading of any level. */
export function section(body: string, title: string): string {
  const lines = body.split(/\r?\n/);
  const start = lines.findIndex((l) => /^#{2,6}\s/.test(l) && l.toLowerCase().includes(title.toLowerCase()));
  if (start < 0) return '';
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((l) => /^#{2,6}\s/.test(l));
  return (end < 0 ? rest : rest.slice(0, end)).join('\n');
}

export function severityOf(body: string): CveSeverity {
  const score = /Score:\s*([\d.]+)/i.exec(body);
  if (score) {
    const s = Number(score[1]);
    return s >= 9 ? 'critical' : s >= 7 ? 'high' : s >= 4 ? 'medium' : 'low';
  }
  const word = /rated\s+\**\s*(critical|high|medium|low)/i.exec(body);
  return (word?.[1]?.toLowerCase() as CveSeverity | undefined) ?? 'medium';
}

function componentsIn(text: string): string[] {
  return COMPONENTS.filter(([re]) => re.test(text)).map(([, name]) => name);
}

function versionsIn(text: string): string[] {
  return [...text.matchAll(VERSION)].map((m) => m[1] ?? '').filter(Boolean);
}

/** Ranges from the fixed versions, one per minor, oldest first. */
export function rangesFrom(affected: string, fixed: string): CveRange[] {
  const fixes = [...new Set(versionsIn(fixed))].sort(compareVersionStrings);
  // Keep the lowest fix per minor ("1.30.3" and "1.30.4" → "1.30.3").
  const perMinor = new Map<string, string>();
  for (const f of fixes) {
    const minor = f.split('.').slice(0, 2).join('.');
    if (!perMinor.has(minor)) perMinor.set(minor, f);
  }
  const list = [...perMinor.values()];
  const openBelow = /<|prior|earlier|and below|all versions/i.test(affected);
  const lowest = versionsIn(affected).sort(compareVersionStrings)[0];
  return list.map((f, i) => {
    const minorStart = `${f.split('.').slice(0, 2).join('.')}.0`;
    if (i > 0) return { introduced: minorStart, fixed: f };
    if (openBelow || !lowest) return { introduced: '0', fixed: f };
    return { introduced: compareVersionStrings(lowest, minorStart) < 0 ? lowest : minorStart, fixed: f };
  });
}

export function convertItem(item: OfficialFeedItem): CveEntry | { skipped: string } {
  const id = item.id ?? '';
  if (!/^CVE-\d{4}-\d+$/.test(id)) return { skipped: 'no CVE id' };
  const body = item.content_text ?? '';
  const affected = section(body, 'Affected Versions');
  const fixed = section(body, 'Fixed Versions');
  const components = componentsIn(affected).length > 0 ? componentsIn(affected) : componentsIn(item.summary ?? '');
  if (components.length === 0) return { skipped: 'no component our checks match' };
  const ranges = rangesFrom(affected, fixed);
  if (ranges.length === 0) return { skipped: 'no fixed versions found' };
  const entry: CveEntry = {
    id,
    summary: (item.summary ?? id).replace(/^CVE-\d{4}-\d+:\s*/, '').trim(),
    components,
    severity: severityOf(body),
    affected: ranges,
    urls: [item.url, item.external_url ?? `https://www.cve.org/CVERecord?id=${id}`].filter((u): u is string => typeof u === 'string'),
  };
  const score = /Score:\s*([\d.]+)/i.exec(body);
  if (score) entry.cvss = Number(score[1]);
  if (item.date_published) entry.published = item.date_published.slice(0, 10);
  return entry;
}

/** Converts every item; curated entries in `existing` win over converted ones with the same id. */
export function convertFeed(feed: OfficialFeed, existing: readonly CveEntry[]): Conversion {
  if (feed.version !== 'https://jsonfeed.org/version/1.1' || !Array.isArray(feed.items)) {
    throw new Error('not the official Kubernetes CVE feed (expected JSON Feed 1.1 with items)');
  }
  const curated = new Map(existing.filter((e) => e.curated).map((e) => [e.id, e]));
  const byId = new Map(existing.map((e) => [e.id, e]));
  const skipped: Conversion['skipped'] = [];
  for (const item of feed.items) {
    const r = convertItem(item);
    if ('skipped' in r) {
      skipped.push({ id: item.id ?? '(no id)', reason: r.skipped });
      continue;
    }
    if (!curated.has(r.id)) byId.set(r.id, r);
  }
  const entries = [...byId.values()].sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
  return { entries, skipped };
}
