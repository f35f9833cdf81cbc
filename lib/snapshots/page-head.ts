/**
 * What a snapshot page sends first (app/s/[id], app/sample): the snapshot's facts, the head of its
 * compact posture (compact/head.ts: architecture, scores, a status tally per component, the
 * counted passes) and the partial-data banner, worked out on the server without making the rows.
 * The page's browser fetches and expands the rows afterwards, when they are needed or the
 * browser is idle (components/snapshots/compact-snapshot.tsx).
 */
import { type PartialData, partialData } from '../ui/partial-data';
import { type CompactHead, openUnknownRows, snapshotHead } from './compact/head';
import type { SnapshotFile } from './types';

export interface SnapshotPageHead {
  id: string;
  label?: string;
  createdAt: string;
  createdBy: string;
  expiresAt?: string;
  anonymized: boolean;
  head: CompactHead;
  /** The banner's lines, from the collection issues and the unknown rows they explain. */
  partial: PartialData;
}

/**
 * The head as JSON text, which is how the page passes it to the browser: a string prop crosses
 * React's payload as one value, where a 0.4 MB object is revived value by value (~50 ms in the
 * browser at 5,000 nodes, and its encoding on the server).
 *
 * The texts of the snapshots opened last are kept, by id: a snapshot's body never changes (it can
 * only be revoked or expire, which the page asks the store about first, without reading the body:
 * SnapshotStore.status), so a share link opened again skips reading and parsing the body (~3 MB
 * at 5,000 nodes) and the ~50–100 ms the head takes. A few, so memory stays small (~0.4 MB each
 * at that size).
 */
const CACHE_SIZE = 8;
const cache = new Map<string, string>();

/**
 * The cached head text under `key` (`s/<id>` for a stored snapshot: ids are never reused; `sample`
 * for the bundled sample), if it was worked out lately.
 */
export function cachedSnapshotPageHeadJson(key: string): string | undefined {
  const hit = cache.get(key);
  if (hit !== undefined) {
    // Most recently used last.
    cache.delete(key);
    cache.set(key, hit);
  }
  return hit;
}

export function snapshotPageHeadJson(file: SnapshotFile, key: string): string {
  const hit = cachedSnapshotPageHeadJson(key);
  if (hit !== undefined) return hit;
  const text = JSON.stringify(snapshotPageHead(file));
  cache.set(key, text);
  for (const k of cache.keys()) {
    if (cache.size <= CACHE_SIZE) break;
    cache.delete(k);
  }
  return text;
}

export function snapshotPageHead(file: SnapshotFile): SnapshotPageHead {
  const { posture, id, label, createdAt, createdBy, expiresAt, anonymized } = file;
  return {
    id,
    ...(label !== undefined ? { label } : {}),
    createdAt,
    createdBy,
    ...(expiresAt !== undefined ? { expiresAt } : {}),
    anonymized,
    head: snapshotHead(posture),
    partial: posture.issues.length ? partialData(posture.issues, openUnknownRows(posture)) : { missing: [], skipped: [] },
  };
}
