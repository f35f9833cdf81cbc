/**
 * ObjectMeta projection shared by every kind. Drops what is bulky or may carry object contents:
 * `managedFields` (never copied), the last-applied annotation (a full copy of the applied manifest,
 * including Secret data), and any annotation value longer than 4 KiB (embedded configs and blobs).
 */
import type { V1ObjectMeta } from '@kubernetes/client-node';
import type { ObjectMeta, OwnerRef } from '../../model/inventory';
import { eqOwners, eqStringMap, type Interner } from './intern';

export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';
export const MAX_ANNOTATION_BYTES = 4096;

export function projectMeta(meta: V1ObjectMeta | undefined, ix?: Interner): ObjectMeta {
  const labels = stringMap(meta?.labels);
  const annotations = filterAnnotations(meta?.annotations);
  const out: ObjectMeta = {
    name: meta?.name ?? '',
    labels: ix ? shareMap(ix, 'L', labels) : labels,
    annotations: ix ? shareMap(ix, 'A', annotations) : annotations,
  };
  if (meta?.namespace) out.namespace = ix ? ix.str(meta.namespace) : meta.namespace;
  if (meta?.uid) out.uid = meta.uid;
  const created = isoTime(meta?.creationTimestamp);
  if (created) out.creationTimestamp = ix ? ix.str(created) : created;
  const refs = meta?.ownerReferences;
  if (Array.isArray(refs) && refs.length > 0) {
    const owners: OwnerRef[] = new Array(refs.length);
    for (let i = 0; i < refs.length; i++) {
      const o = refs[i] as NonNullable<V1ObjectMeta['ownerReferences']>[number];
      const ref: OwnerRef = { kind: o.kind ?? '', name: o.name ?? '' };
      if (o.controller !== undefined) ref.controller = o.controller;
      owners[i] = ref;
    }
    const first = owners[0] as OwnerRef;
    out.ownerReferences = ix ? ix.share(`O\0${first.kind}\0${first.name}`, owners, eqOwners) : owners;
  }
  return out;
}

/** Shares a label or annotation map; the bucket is its size and first entry. */
export function shareMap(ix: Interner, tag: string, map: Record<string, string>): Record<string, string> {
  for (const k in map) return ix.share(`${tag}\0${k}\0${map[k]}`, map, eqStringMap);
  return ix.share(tag, map, eqStringMap);
}

export function filterAnnotations(annotations: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (annotations === undefined || annotations === null) return out;
  for (const k of Object.keys(annotations)) {
    const v = annotations[k];
    if (k === LAST_APPLIED_ANNOTATION || typeof v !== 'string') continue;
    if (utf8Length(v) > MAX_ANNOTATION_BYTES) continue;
    out[k] = v;
  }
  return out;
}

const encoder = new TextEncoder();

/** UTF-8 byte length; encodes only when the UTF-16 length leaves it in doubt. */
function utf8Length(s: string): number {
  if (s.length > MAX_ANNOTATION_BYTES) return s.length;
  if (s.length * 3 <= MAX_ANNOTATION_BYTES) return s.length;
  return encoder.encode(s).length;
}

/** Copies a string→string map, dropping non-string values a hand-written fixture might contain. */
export function stringMap(map: Record<string, unknown> | undefined | null): Record<string, string> {
  const out: Record<string, string> = {};
  if (map === undefined || map === null) return out;
  for (const k of Object.keys(map)) {
    const v = map[k];
    if (typeof v === 'string') out[k] = v;
    else if (typeof v === 'number' || typeof v === 'boolean') out[k] = String(v);
  }
  return out;
}

/**
 * client-node types timestamps as `Date`, but plain JSON (and YAML fixtures) carry RFC 3339
 * strings; accept both and always emit a string.
 */
export function isoTime(value: unknown): string | undefined {
  if (typeof value === 'string') return value || undefined;
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
  return undefined;
}

/** Array helper: the API omits empty lists, fixtures may write `null`. */
export function list<T>(value: readonly T[] | undefined | null): readonly T[] {
  return Array.isArray(value) ? value : [];
}

/** Keeps JSON output free of `"key": undefined` noise (and snapshots byte-stable). */
export function dropUndefined<T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out as T;
}
