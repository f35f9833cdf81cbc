import 'server-only';
/**
 * What the snapshot routes do, between validated input and the store. Route handlers stay thin:
 * parse, call one function here, respond. The store and the scan lookup are parameters, so this is
 * tested without a server (service.test.ts).
 */
import { z } from 'zod';
import { SCAN_ID } from '../api/respond';
import type { ScanRecord } from '../posture/types';
import { diffPostures, type PostureDiff } from './diff';
import { exportCsv } from './export/csv';
import { exportHtml, reportCsp } from './export/html';
import { exportJson } from './export/json';
import { MAX_EXPIRY_DAYS, freezeSnapshot } from './freeze';
import { fail, missing, type Result } from './http';
import { isSnapshotId } from './ids';
import { parseSnapshotFile, toImportedSnapshot } from './import';
import { labelSchema } from './schema';
import type { Snapshot, SnapshotStore, SnapshotSummary } from './types';

export const shareUrl = (id: string) => `/s/${id}`;

export const createInput = z.strictObject({
  scanId: z.string().regex(SCAN_ID, 'not a scan id'),
  anonymize: z.boolean().optional(),
  expiresInDays: z.number().int().min(1).max(MAX_EXPIRY_DAYS).optional(),
  label: labelSchema.optional(),
});
export type CreateInput = z.infer<typeof createInput>;

export const importQuery = z.strictObject({
  expiresInDays: z.coerce.number().int().min(1).max(MAX_EXPIRY_DAYS).optional(),
  label: labelSchema.optional(),
});

export const historyQuery = z.strictObject({
  context: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:@/+-]{0,252}$/, 'not a context name'),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});

export const exportQuery = z.strictObject({ format: z.enum(['json', 'csv', 'html']).default('json') });
export const diffQuery = z.strictObject({ a: z.string(), b: z.string() });

export interface Created {
  id: string;
  url: string;
}

type GetScan = (id: string) => ScanRecord | undefined;

export async function createFromScan(store: SnapshotStore, getScan: GetScan, input: CreateInput, createdBy: string, now = new Date()): Promise<Result<Created>> {
  const scan = getScan(input.scanId);
  if (!scan) return fail(404, 'not-found', 'No such scan on this server (scans are kept in memory for a while); run a new scan, then share it.');
  if (scan.status === 'running') return fail(409, 'not-configured', 'The scan is still running; share it once it has finished.');
  if (scan.status === 'failed' || !scan.posture) return fail(409, 'not-configured', `The scan failed, so there is nothing to share${scan.error ? `: ${scan.error.message}` : '.'}`);
  const snapshot = freezeSnapshot(scan.posture, { now, createdBy, anonymize: input.anonymize, expiresInDays: input.expiresInDays, label: input.label });
  await store.create(snapshot, { context: scan.context, now });
  return { ok: true, value: { id: snapshot.id, url: shareUrl(snapshot.id) } };
}

export async function importSnapshot(store: SnapshotStore, text: string, maxBytes: number, opts: z.infer<typeof importQuery>, now = new Date()): Promise<Result<Created>> {
  const parsed = parseSnapshotFile(text, maxBytes);
  if (!parsed.ok) {
    const { kind, message, details } = parsed.error;
    return fail(kind === 'too-large' ? 413 : 400, 'invalid-input', message, { reason: kind, ...details });
  }
  const snapshot = toImportedSnapshot(parsed.snapshot, { now, ...opts });
  await store.create(snapshot, { now });
  return { ok: true, value: { id: snapshot.id, url: shareUrl(snapshot.id) } };
}

export async function loadSnapshot(store: SnapshotStore, id: string, which?: string, now = new Date()): Promise<Result<Snapshot>> {
  if (!isSnapshotId(id)) return missing({ status: 'not-found' }, which);
  const r = await store.get(id, now);
  return r.status === 'ok' ? { ok: true, value: r.snapshot } : missing(r, which);
}

export async function history(store: SnapshotStore, q: z.infer<typeof historyQuery>): Promise<{ context: string; snapshots: SnapshotSummary[] }> {
  return { context: q.context, snapshots: await store.list(q.context, { limit: q.limit }) };
}

export async function revoke(store: SnapshotStore, id: string): Promise<Result<{ id: string; revoked: true }>> {
  if (!isSnapshotId(id)) return missing({ status: 'not-found' });
  if (await store.delete(id)) return { ok: true, value: { id, revoked: true } };
  const r = await store.get(id);
  return r.status === 'ok' ? fail(500, 'internal', 'The snapshot could not be revoked.') : missing(r);
}

export async function diffSnapshots(store: SnapshotStore, q: z.infer<typeof diffQuery>): Promise<Result<PostureDiff & { a: string; b: string }>> {
  const a = await loadSnapshot(store, q.a, 'a');
  if (!a.ok) return a;
  const b = await loadSnapshot(store, q.b, 'b');
  if (!b.ok) return b;
  return { ok: true, value: { a: q.a, b: q.b, ...diffPostures(a.value.posture, b.value.posture) } };
}

export interface ExportFile {
  body: string;
  headers: Record<string, string>;
}

const TYPES = { json: 'application/json; charset=utf-8', csv: 'text/csv; charset=utf-8', html: 'text/html; charset=utf-8' } as const;

/** The file to download: body, type, attachment name (ASCII only: built from the id and date). */
export function exportFile(snapshot: Snapshot, format: keyof typeof TYPES): ExportFile {
  const body = format === 'json' ? exportJson(snapshot) : format === 'csv' ? exportCsv(snapshot) : exportHtml(snapshot);
  const name = `kube-posture-${snapshot.createdAt.slice(0, 10)}-${snapshot.id}.${format}`;
  return {
    body,
    headers: {
      'Content-Type': TYPES[format],
      'Content-Disposition': `attachment; filename="${name}"`,
      ...(format === 'html' ? { 'Content-Security-Policy': reportCsp() } : {}),
    },
  };
}
