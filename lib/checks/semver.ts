/**
 * Version parsing and comparison for Kubernetes components, runtimes, kernels and add-on images.
 *
 * Real-world version strings carry vendor decorations: `v1.29.3-eks-adc7111`, `v1.28.5-gke.1200`,
 * `v1.27.3+k3s1`, `containerd://1.6.20`, `5.15.0-1051-aws`, `6.1.58+`. We keep the numeric core for
 * comparison and remember the decoration, because a vendor build may carry back-ported fixes that
 * the upstream version number does not show (CVE results on such builds are softened to `warn`).
 */

export interface Version {
  major: number;
  minor: number;
  patch: number;
  /** Upstream pre-release (`alpha.1`, `beta.0`, `rc.2`): sorts before the release. */
  pre?: string;
  /** Anything else after the numeric core: a vendor or distribution build marker. */
  vendor?: string;
  raw: string;
}

const CORE = /^v?(\d+)\.(\d+)(?:\.(\d+))?(.*)$/;
const PRE = /^-((?:alpha|beta|rc)(?:\.\d+)?)(.*)$/;

/** Parse `v1.30.2`, `1.30`, `containerd://1.7.13`, `registry.k8s.io/x:v1.30.2`; undefined if no version. */
export function parseVersion(input: string | undefined): Version | undefined {
  if (!input) return undefined;
  const raw = input.trim();
  // Drop a `scheme://` (runtime versions) and anything up to an image tag separator.
  let s = raw.replace(/^[a-z0-9.-]+:\/\//i, '');
  const at = s.indexOf('@');
  if (at >= 0) s = s.slice(0, at);
  const colon = s.lastIndexOf(':');
  if (colon >= 0) s = s.slice(colon + 1);
  const m = CORE.exec(s);
  if (!m) return undefined;
  const [, major, minor, patch, rest = ''] = m;
  const v: Version = { major: Number(major), minor: Number(minor), patch: Number(patch ?? 0), raw };
  let tail = rest;
  const pre = PRE.exec(tail);
  if (pre) {
    v.pre = pre[1];
    tail = pre[2] ?? '';
  }
  if (tail !== '') v.vendor = tail.replace(/^[-+.]/, '') || tail;
  return v;
}

function comparePre(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1; // a release sorts after any pre-release of the same core
  if (b === undefined) return -1;
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const nx = Number(x);
    const ny = Number(y);
    const c = Number.isNaN(nx) || Number.isNaN(ny) ? x.localeCompare(y) : nx - ny;
    if (c !== 0) return Math.sign(c);
  }
  return 0;
}

/** Compare numeric cores, then pre-release. Vendor markers do not order. */
export function compareVersions(a: Version, b: Version): number {
  return (
    Math.sign(a.major - b.major) ||
    Math.sign(a.minor - b.minor) ||
    Math.sign(a.patch - b.patch) ||
    comparePre(a.pre, b.pre)
  );
}

/** Compare two strings; throws on an unparsable literal (a bug in the caller's constant). */
export function compareVersionStrings(a: string, b: string): number {
  const va = parseVersion(a);
  const vb = parseVersion(b);
  if (!va || !vb) throw new Error(`cannot compare versions ${JSON.stringify(a)} and ${JSON.stringify(b)}`);
  return compareVersions(va, vb);
}

/** `v ≥ min`, with `min` a literal such as `1.30.0`. */
export function versionAtLeast(v: Version, min: string): boolean {
  const m = parseVersion(min);
  if (!m) throw new Error(`invalid version literal ${min}`);
  return compareVersions(v, m) >= 0;
}

/** `1.30.2`: the numeric core, for messages. */
export function formatVersion(v: Version): string {
  return `${v.major}.${v.minor}.${v.patch}${v.pre ? `-${v.pre}` : ''}`;
}

/** The tag of an image reference (`registry/x:v1.2.3@sha256:…` → `v1.2.3`), if any. */
export function imageTag(image: string): string | undefined {
  const noDigest = image.split('@')[0] ?? image;
  const slash = noDigest.lastIndexOf('/');
  const colon = noDigest.lastIndexOf(':');
  return colon > slash ? noDigest.slice(colon + 1) : undefined;
}
