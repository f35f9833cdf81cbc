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
 * Heads of the snapshots opened last, by id: a snapshot's body never changes (it can only be
 * revoked or expire, which the store checks before this is asked), so a share link opened again
 * skips the ~50–100 ms the head takes at 5,000 nodes. A few, so memory stays small (~0.4 MB each
 * at that size).
 */
const CACHE_SIZE = 8;
const cache = new Map<string, SnapshotPageHead>();

export function snapshotPageHead(file: SnapshotFile): SnapshotPageHead {
  const key = `${file.id}|${file.createdAt}`;
  const hit = cache.get(key);
  if (hit) {
    // Most recently used last.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const head = makeHead(file);
  cache.set(key, head);
  for (const k of cache.keys()) {
    if (cache.size <= CACHE_SIZE) break;
    cache.delete(k);
  }
  return head;
}

function makeHead(file: SnapshotFile): SnapshotPageHead {
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
