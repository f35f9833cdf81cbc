/** Image reference parsing: `registry:5000/team/app:1.2@sha256:…` → name, tag, digest. */
export interface ImageRef {
  name: string;
  tag?: string;
  digest?: string;
}

export function parseImage(image: string): ImageRef {
  const at = image.indexOf('@');
  const digest = at >= 0 ? image.slice(at + 1) : undefined;
  const rest = at >= 0 ? image.slice(0, at) : image;
  // A colon before the last slash is a registry port, not a tag.
  const colon = rest.lastIndexOf(':');
  const tag = colon > rest.lastIndexOf('/') ? rest.slice(colon + 1) : undefined;
  const name = tag === undefined ? rest : rest.slice(0, colon);
  const out: ImageRef = { name };
  if (tag) out.tag = tag;
  if (digest) out.digest = digest;
  return out;
}

/**
 * parseImage(image) has a digest, or a tag other than `latest`; without allocating (every
 * container of every workload asks).
 */
export function isPinned(image: string): boolean {
  const at = image.indexOf('@');
  if (at >= 0 && at < image.length - 1) return true;
  const end = at >= 0 ? at : image.length;
  const colon = image.lastIndexOf(':', end - 1);
  if (colon <= image.lastIndexOf('/', end - 1) || colon === end - 1) return false;
  return !(end - colon - 1 === 6 && image.startsWith('latest', colon + 1));
}

/** `v1.11.3` → [1, 11, 3]; undefined when the tag is not a version. */
export function tagVersion(tag: string | undefined): [number, number, number] | undefined {
  const m = tag?.match(/^v?(\d+)\.(\d+)(?:\.(\d+))?/);
  if (!m) return undefined;
  return [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
}

export function versionLess(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x < y;
  }
  return false;
}
