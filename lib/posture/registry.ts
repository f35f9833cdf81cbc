import 'server-only';
/**
 * Scans in this server process: single-flight per context (many tabs, one scan), a fresh result
 * reused for a short TTL, progress fan-out to event-stream subscribers, and the latest posture
 * per context for /metrics. Kept on globalThis so every route bundle shares one registry.
 *
 * In-cluster mode scans as the signed-in user, so everything is also keyed by an opaque identity
 * key (lib/auth): two users never join, reuse or read each other's scans.
 */
import { randomBytes } from 'node:crypto';
import { isClusterError } from '../k8s/errors';
import { scan, type ScanOptions } from './scan';
import { scanSettings } from './settings';
import type { ApiError, Posture, ScanProgress, ScanRecord } from './types';
import type { Waiver } from '../waivers/types';

type Listener = (rec: ScanRecord) => void;

interface Registry {
  scans: Map<string, ScanRecord>;
  running: Map<string, string>;
  listeners: Map<string, Set<Listener>>;
  latest: Map<string, { posture: Posture; finishedAt: string; context: string; identity?: string }>;
  /** Scan id → identity key of the user it ran as (absent in local mode). */
  owners: Map<string, string>;
}

const KEY = Symbol.for('kube-posture.scan-registry');
const MAX_KEPT = 20;

function registry(): Registry {
  const g = globalThis as unknown as Record<symbol, Registry | undefined>;
  g[KEY] ??= { scans: new Map(), running: new Map(), listeners: new Map(), latest: new Map(), owners: new Map() };
  g[KEY].owners ??= new Map();
  return g[KEY];
}

function emit(rec: ScanRecord): void {
  for (const l of registry().listeners.get(rec.id) ?? []) l(rec);
}

function prune(): void {
  const { scans } = registry();
  const done = [...scans.values()].filter((s) => s.status !== 'running');
  for (const s of done.slice(0, Math.max(0, scans.size - MAX_KEPT))) {
    scans.delete(s.id);
    registry().owners.delete(s.id);
  }
}

/** Single-flight, reuse and latest-posture key: the context, per identity in in-cluster mode. */
const keyOf = (context: string, identity?: string) => (identity === undefined ? context : `${context}\u0000${identity}`);

export function toApiError(e: unknown): ApiError['error'] {
  if (isClusterError(e)) return { code: e.code, message: e.message, ...(e.details ? { details: e.details } : {}) };
  return { code: 'internal', message: `The scan failed unexpectedly: ${e instanceof Error ? e.message : String(e)}` };
}

export interface StartOptions extends Pick<ScanOptions, 'loaded' | 'kubeconfig' | 'settings' | 'auth' | 'user'> {
  force?: boolean;
  /** Opaque key of the identity the scan runs as (in-cluster mode); scans are shared only within it. */
  identity?: string;
}

/** Starts a scan of `context`, or joins the running one, or reuses a fresh one. */
export function startScan(context: string, opts: StartOptions = {}): ScanRecord {
  const r = registry();
  const key = keyOf(context, opts.identity);
  const runningId = r.running.get(key);
  if (runningId && r.scans.get(runningId)?.status === 'running') return r.scans.get(runningId) as ScanRecord;
  if (!opts.force) {
    const ttl = scanSettings().ttlMs;
    const fresh = [...r.scans.values()].reverse().find((s) => s.context === context && r.owners.get(s.id) === opts.identity && s.status === 'done' && s.finishedAt && Date.now() - Date.parse(s.finishedAt) < ttl);
    if (fresh) return fresh;
  }
  const id = randomBytes(12).toString('base64url');
  const progress: ScanProgress = { scanId: id, phase: 'queued', kindsDone: 0, kindsTotal: 0, objectsRead: 0, requests: 0, fraction: 0 };
  const rec: ScanRecord = { id, context, status: 'running', startedAt: new Date().toISOString(), progress };
  r.scans.set(id, rec);
  if (opts.identity !== undefined) r.owners.set(id, opts.identity);
  r.running.set(key, id);
  prune();
  void storedWaivers(context)
    .then((waivers) =>
      scan({ context, loaded: opts.loaded, kubeconfig: opts.kubeconfig, settings: opts.settings, auth: opts.auth, user: opts.user, waivers, onProgress: (p) => {
        rec.progress = { ...p, scanId: id };
        emit(rec);
      } }),
    )
    .then((posture) => {
      rec.posture = posture;
      rec.status = 'done';
      rec.progress = { ...rec.progress, phase: 'done', fraction: 1 };
      r.latest.set(key, { posture, finishedAt: new Date().toISOString(), context, identity: opts.identity });
    })
    .catch((e: unknown) => {
      rec.status = 'failed';
      rec.error = toApiError(e);
      rec.progress = { ...rec.progress, phase: 'failed', message: rec.error.message };
    })
    .finally(() => {
      rec.finishedAt = new Date().toISOString();
      if (r.running.get(key) === id) r.running.delete(key);
      emit(rec);
      r.listeners.delete(id);
    });
  return rec;
}

/** The store's waivers for a context; a store that cannot be opened must not stop the scan. */
async function storedWaivers(context: string): Promise<Waiver[]> {
  try {
    const { getStore } = await import('../snapshots/store/index');
    return await (await getStore()).listWaivers({ context });
  } catch (e) {
    console.error(`[kube-posture] waivers could not be read; scanning without them: ${e instanceof Error ? e.message : String(e)}`);
    return [];
  }
}

/** A scan by id; in-cluster mode only the identity it ran as may see it (`identity` from lib/auth). */
export function getScan(id: string, identity?: string): ScanRecord | undefined {
  const r = registry();
  return r.owners.get(id) === identity ? r.scans.get(id) : undefined;
}

/** Calls `listener` on every progress update until the scan ends; returns an unsubscribe. */
export function subscribe(id: string, listener: Listener): () => void {
  const r = registry();
  const set = r.listeners.get(id) ?? new Set<Listener>();
  set.add(listener);
  r.listeners.set(id, set);
  return () => set.delete(listener);
}

/** The latest successful posture per context (for /metrics), of the given identity's scans in in-cluster mode. */
export function latestPostures(identity?: string): Map<string, Posture> {
  return new Map([...registry().latest.values()].filter((v) => v.identity === identity).map((v) => [v.context, v.posture]));
}
