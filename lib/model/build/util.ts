/** Small pure helpers shared by the architecture builders. */
import type { Component, ObjectRef } from '../architecture';
import type { ContainerInfo, ObjectMeta } from '../inventory';

export type Facts = Record<string, string | number | boolean>;

/** Locale-independent ordering, so the same cluster sorts the same on every machine. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sortBy<T>(items: readonly T[], key: (t: T) => string): T[] {
  return [...items].sort((a, b) => compareStrings(key(a), key(b)));
}

export function metaKey(meta: ObjectMeta): string {
  return `${meta.namespace ?? ''}/${meta.name}`;
}

/** Drops undefined (and empty-string) facts so the drill-down shows only what is known. */
export function facts(input: Record<string, string | number | boolean | undefined>): Facts {
  const out: Facts = {};
  for (const [k, v] of Object.entries(input)) if (v !== undefined && v !== '') out[k] = v;
  return out;
}

export function ref(kind: string, meta: ObjectMeta): ObjectRef {
  return meta.namespace ? { kind, namespace: meta.namespace, name: meta.name } : { kind, name: meta.name };
}

/** `Pod kube-system/kube-apiserver-cp-1`: how evidence names an object. */
export function refText(r: ObjectRef): string {
  return `${r.kind} ${r.namespace ? `${r.namespace}/` : ''}${r.name}`;
}

/** `/usr/local/bin/kube-apiserver` → `kube-apiserver`. */
export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Image reference without registry, tag or digest: `registry.k8s.io/coredns/coredns:v1` → `coredns/coredns`. */
export function imageRepo(image: string): string {
  const noDigest = image.split('@')[0] ?? '';
  const slash = noDigest.lastIndexOf('/');
  const colon = noDigest.lastIndexOf(':');
  const noTag = colon > slash ? noDigest.slice(0, colon) : noDigest;
  const parts = noTag.split('/');
  // The first segment is a registry when it has a dot, a port, or is localhost.
  const first = parts[0] ?? '';
  if (parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost')) parts.shift();
  return parts.join('/');
}

export function imageTag(image: string): string | undefined {
  const noDigest = image.split('@')[0] ?? '';
  const slash = noDigest.lastIndexOf('/');
  const colon = noDigest.lastIndexOf(':');
  return colon > slash ? noDigest.slice(colon + 1) || undefined : undefined;
}

/** A tag that reads as a version (`v1.31.2`, `1.11.1`, `v1.31.2-eks-1`), not `latest` or a sha. */
export function versionFromImage(image: string): string | undefined {
  const tag = imageTag(image);
  return tag && /^v?\d+\.\d+/.test(tag) ? tag : undefined;
}

/** Command + args, the argv flags are parsed from. */
export function argv(c: ContainerInfo | undefined): string[] {
  return c ? [...(c.command ?? []), ...(c.args ?? [])] : [];
}

/** The executable a container runs: basename of command[0] (hyperkube's sub-command when wrapped). */
export function executable(c: ContainerInfo): string | undefined {
  const [cmd0, cmd1] = c.command ?? [];
  if (!cmd0) return undefined;
  const base = basename(cmd0);
  return base === 'hyperkube' && cmd1 && !cmd1.startsWith('-') ? basename(cmd1) : base;
}

/** Hosts of comma-separated URLs (`--etcd-servers`): `https://10.0.0.1:2379` → scheme + host:port. */
export function parseEndpoints(value: string | undefined): { url: string; scheme: string; hostPort: string; host: string }[] {
  if (!value) return [];
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((url) => {
      const m = /^([a-z][a-z0-9+.-]*):\/\/([^/]*)/i.exec(url);
      const scheme = (m?.[1] ?? '').toLowerCase();
      const hostPort = m?.[2] ?? url;
      const host = hostPort.startsWith('[') ? hostPort.slice(1, hostPort.indexOf(']')) : (hostPort.split(':')[0] ?? hostPort);
      return { url, scheme, hostPort, host };
    });
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host.startsWith('127.') || host === '::1';
}

/** The same key order for every component, so JSON reads (and diffs) alike whatever built it. */
export function canonicalComponent(c: Component): Component {
  return {
    id: c.id,
    type: c.type,
    name: c.name,
    layer: c.layer,
    ...(c.parentId !== undefined ? { parentId: c.parentId } : {}),
    ...(c.nodeName !== undefined ? { nodeName: c.nodeName } : {}),
    ...(c.version !== undefined ? { version: c.version } : {}),
    ...(c.flags !== undefined ? { flags: c.flags } : {}),
    facts: c.facts,
    objects: c.objects,
  };
}
