/**
 * Pure CVE matching: a component name + version against the bundled feed (lib/checks/cve/feed.json).
 *
 * Ranges follow OSV: a version is affected when `introduced ≤ v < fixed` for one of the entry's
 * ranges ("0" means "since the beginning"; no `fixed` means "no fix yet"). Entries without ranges
 * (design issues such as CVE-2020-8554) never match by version: other checks cover them.
 *
 * Vendor builds (`-eks-…`, `-gke.N`, `+k3s1`, distro kernels) may carry back-ported fixes the
 * version number does not show. Matches on them are reported, but softened to `warn` by cveVerdict.
 */
import { compareVersions, formatVersion, parseVersion, type Version } from '../semver';
import type { Evidence, Status } from '../types';
import feedJson from './feed.json';

export type CveSeverity = 'critical' | 'high' | 'medium' | 'low';

export interface CveRange {
  introduced: string;
  fixed?: string;
}

export interface CveEntry {
  id: string;
  summary: string;
  /** `kube-apiserver`, `kubelet`, `kube-proxy`, `containerd`, `cri-o`, `coredns`, `ingress-nginx`, `linux-kernel`. */
  components: string[];
  severity: CveSeverity;
  cvss?: number;
  published?: string;
  affected: CveRange[];
  /** Only affects nodes with this operating system (`windows`). */
  os?: string;
  /** Configuration the CVE depends on, shown next to the match. */
  conditions?: string;
  urls: string[];
  /** Hand-curated: the update script keeps it as is. */
  curated?: boolean;
}

export interface CveFeed {
  schemaVersion: 1;
  feedDate: string;
  source: string;
  sources?: string[];
  entries: CveEntry[];
}

export interface CveMatch {
  entry: CveEntry;
  range: CveRange;
}

function isFeed(v: unknown): v is CveFeed {
  if (typeof v !== 'object' || v === null) return false;
  const f = v as Record<string, unknown>;
  return f['schemaVersion'] === 1 && typeof f['feedDate'] === 'string' && Array.isArray(f['entries']);
}

/** The bundled feed, checked once at load so a broken regeneration fails loudly, not silently. */
export const CVE_FEED: CveFeed = (() => {
  if (!isFeed(feedJson)) throw new Error('lib/checks/cve/feed.json is not a schemaVersion 1 CVE feed');
  return feedJson;
})();

const SEVERITY_ORDER: Record<CveSeverity, number> = { critical: 0, high: 1, medium: 2, low: 3 };

function inRange(v: Version, range: CveRange): boolean {
  if (range.introduced !== '0') {
    const lo = parseVersion(range.introduced);
    if (!lo || compareVersions(v, lo) < 0) return false;
  }
  if (range.fixed === undefined) return true;
  const hi = parseVersion(range.fixed);
  return hi !== undefined && compareVersions(v, hi) < 0;
}

/** Whether the feed knows anything about a component (else a "no CVEs" pass would be a lie). */
export function feedCovers(feed: CveFeed, component: string): boolean {
  return feed.entries.some((e) => e.components.includes(component));
}

/** CVEs of `component` that affect `version`, most severe first. */
export function matchCves(
  feed: CveFeed,
  component: string,
  version: Version,
  options: { os?: string } = {},
): CveMatch[] {
  const out: CveMatch[] = [];
  for (const entry of feed.entries) {
    if (!entry.components.includes(component)) continue;
    if (entry.os && options.os && entry.os !== options.os.toLowerCase()) continue;
    if (entry.os && !options.os) continue; // OS-specific CVEs need a known OS to be claimed
    const range = entry.affected.find((r) => inRange(version, r));
    if (range) out.push({ entry, range });
  }
  return out.sort((a, b) => SEVERITY_ORDER[a.entry.severity] - SEVERITY_ORDER[b.entry.severity] || a.entry.id.localeCompare(b.entry.id));
}

/** Every fixed version of an entry, for remediation text: `1.28.12, 1.29.7, 1.30.3`. */
export function fixedVersions(entry: CveEntry): string[] {
  return entry.affected.flatMap((r) => (r.fixed ? [r.fixed] : []));
}

export interface CveVerdict {
  status: Status;
  message: string;
  evidence: Evidence[];
}

/**
 * The finding for one component instance: pass when nothing matches, fail when something does,
 * warn when it matches but the build is a vendor build that may be patched.
 */
export function cveVerdict(
  feed: CveFeed,
  label: string,
  component: string,
  rawVersion: string | undefined,
  versionSource: string,
  options: { os?: string; mayBePatched?: (v: Version) => boolean } = {},
): CveVerdict {
  const feedNote = `bundled CVE feed of ${feed.feedDate}`;
  const version = parseVersion(rawVersion);
  if (!version) {
    return {
      status: 'unknown',
      message: `Cannot evaluate: the version of ${label} is not known.`,
      evidence: [{ expected: 'a version to match', actual: rawVersion ?? '(none)', source: versionSource }],
    };
  }
  if (!feedCovers(feed, component)) {
    return {
      status: 'unknown',
      message: `Cannot evaluate: the ${feedNote} has no entries for ${component}.`,
      evidence: [{ expected: `CVE data for ${component}`, actual: 'none', source: feedNote }],
    };
  }
  const matches = matchCves(feed, component, version, options);
  const shown = formatVersion(version);
  if (matches.length === 0) {
    return {
      status: 'pass',
      message: `${label} ${shown} is not affected by any CVE in the ${feedNote}.`,
      evidence: [{ expected: 'no affected range', actual: version.raw, source: versionSource }],
    };
  }
  const vendor = (options.mayBePatched ?? ((v: Version) => v.vendor !== undefined))(version);
  const list = matches.map((m) => `${m.entry.id} (${m.entry.severity})`).join(', ');
  const evidence: Evidence[] = matches.map((m) => ({
    expected: m.range.fixed ? `≥ ${m.range.fixed} (fixed in ${fixedVersions(m.entry).join(', ')})` : 'no fixed release yet',
    actual: version.raw,
    source: `${m.entry.id}: ${m.entry.summary}${m.entry.conditions ? `. ${m.entry.conditions}` : ''} · ${versionSource} · ${feedNote}`,
  }));
  const n = matches.length;
  const head = `${label} ${shown} is in the affected range of ${n} CVE${n === 1 ? '' : 's'}: ${list}`;
  return vendor
    ? {
        status: 'warn',
        message: `${head}; this is a vendor build (${version.vendor}) that may carry back-ported fixes, so confirm with the provider's bulletin.`,
        evidence,
      }
    : { status: 'fail', message: `${head}.`, evidence };
}
