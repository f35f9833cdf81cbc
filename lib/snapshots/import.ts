/**
 * Import of a snapshot file: size cap, JSON parse that refuses prototype-pollution keys, version
 * check, then strict schema validation. Version 2 (compact) is validated, expanded with bounded
 * work (compact/decode.ts: every index checked), and the expanded posture validated again like a
 * version 1 posture; version 1 files are validated and their passes counted (file.ts). Returns a
 * sentence a person can act on; nothing is stored unless everything passed. Hostile strings
 * (`<script>` in a name) are data: they are kept as text and escaped wherever they are rendered
 * (exports, pages).
 */
import type { z } from 'zod';
import { DecodeError } from './compact/decode';
import { fromFile, fromV1 } from './file';
import { newSnapshotId } from './ids';
import { snapshotFileSchema, snapshotFileV1Schema, snapshotPostureSchema } from './schema';
import { SNAPSHOT_FILE_KIND, SNAPSHOT_SCHEMA_VERSION, type Snapshot } from './types';

/** Schema versions import reads: 2 as written today, 1 converted. */
export const READABLE_VERSIONS = [1, SNAPSHOT_SCHEMA_VERSION] as const;

export const DEFAULT_MAX_IMPORT_BYTES = 25 * 1024 * 1024;

/** KUBE_POSTURE_MAX_IMPORT_BYTES overrides the 25 MB default. */
export function maxImportBytes(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.KUBE_POSTURE_MAX_IMPORT_BYTES);
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_MAX_IMPORT_BYTES;
}

export type ImportErrorKind = 'too-large' | 'malformed' | 'unsafe' | 'unsupported-version' | 'invalid';

export interface ImportError {
  kind: ImportErrorKind;
  message: string;
  details?: Record<string, unknown>;
}

export type ImportResult = { ok: true; snapshot: Snapshot } | { ok: false; error: ImportError };

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

class UnsafeKeyError extends Error {
  readonly key: string;
  constructor(key: string) {
    super(`unsafe key ${key}`);
    this.key = key;
  }
}

const fail = (kind: ImportErrorKind, message: string, details?: Record<string, unknown>): ImportResult => ({
  ok: false,
  error: { kind, message, ...(details ? { details } : {}) },
});

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 2 : 0)} MB`;
}

/** JSON.parse that throws on `__proto__`, `constructor` or `prototype` keys at any depth. */
export function parseJsonSafely(text: string): unknown {
  return JSON.parse(text, (key, value: unknown) => {
    if (FORBIDDEN_KEYS.has(key)) throw new UnsafeKeyError(key);
    return value;
  });
}

function issuesOf(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.slice(0, 10).map((i) => ({ path: i.path.map(String).join('.') || '(root)', message: i.message }));
}

/** Validates the text of a snapshot file. `maxBytes` bounds the UTF-8 size. */
export function parseSnapshotFile(text: string, maxBytes = DEFAULT_MAX_IMPORT_BYTES): ImportResult {
  const size = Buffer.byteLength(text, 'utf8');
  if (size > maxBytes) return fail('too-large', `The file is ${mib(size)}; snapshots are limited to ${mib(maxBytes)}.`, { size, limit: maxBytes });

  let data: unknown;
  try {
    data = parseJsonSafely(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    if (e instanceof UnsafeKeyError) {
      return fail('unsafe', `The file contains the key "${e.key}", which kube-posture never writes; it was refused as unsafe.`, { key: e.key });
    }
    return fail('malformed', `The file is not valid JSON${e instanceof SyntaxError ? `: ${e.message}` : '.'}`);
  }

  if (typeof data !== 'object' || data === null || Array.isArray(data)) return fail('invalid', 'The file is not a kube-posture snapshot: expected a JSON object.');
  const obj = data as Record<string, unknown>;
  if (obj.kind !== undefined && obj.kind !== SNAPSHOT_FILE_KIND) return fail('invalid', `The file is not a kube-posture snapshot (kind "${String(obj.kind).slice(0, 80)}").`);
  const version = obj.schemaVersion;
  if (version !== 1 && version !== SNAPSHOT_SCHEMA_VERSION) {
    const v = typeof version === 'number' || typeof version === 'string' ? String(version).slice(0, 20) : 'missing';
    return fail('unsupported-version', `Snapshot schema version ${v} is not supported; this kube-posture reads versions ${READABLE_VERSIONS.join(' and ')}.`, { schemaVersion: v, supported: [...READABLE_VERSIONS] });
  }
  const posture = obj.posture as Record<string, unknown> | undefined;
  if (posture && typeof posture === 'object' && posture.schemaVersion !== 1) {
    return fail('unsupported-version', `Posture schema version ${String(posture.schemaVersion).slice(0, 20)} is not supported; this kube-posture reads version 1.`);
  }
  const mismatch = (error: z.ZodError, prefix = '') => {
    const issues = issuesOf(error).map((i) => ({ ...i, path: prefix + i.path }));
    const first = issues[0];
    return fail('invalid', `The snapshot does not match schema version ${version}${first ? ` (${first.path}: ${first.message})` : ''}.`, { issues });
  };

  if (version === 1) {
    const parsed = snapshotFileV1Schema.safeParse(data);
    if (!parsed.success) return mismatch(parsed.error);
    const { kind: _kind, ...file } = parsed.data;
    return { ok: true, snapshot: fromV1(file) };
  }
  const parsed = snapshotFileSchema.safeParse(data);
  if (!parsed.success) return mismatch(parsed.error);
  const { kind: _kind, ...file } = parsed.data;
  let snapshot: Snapshot;
  try {
    snapshot = fromFile(file);
  } catch (e) {
    if (e instanceof DecodeError) return fail('invalid', `The snapshot's findings cannot be read: ${e.message}.`);
    throw e;
  }
  // The expanded posture is held to the same limits as a version 1 posture (names, text, enums).
  const expanded = snapshotPostureSchema.safeParse(snapshot.posture);
  if (!expanded.success) return mismatch(expanded.error, 'posture (expanded).');
  return { ok: true, snapshot: { ...snapshot, posture: expanded.data } };
}

export interface ImportOptions {
  now: Date;
  expiresInDays?: number;
  label?: string;
}

/**
 * The snapshot as stored after an import: a fresh id (an import never overwrites or claims an
 * existing link), the original creation time, author and anonymization, and a new expiry.
 */
export function toImportedSnapshot(file: Snapshot, opts: ImportOptions): Snapshot {
  const { expiresAt: _old, label: oldLabel, ...rest } = file;
  const label = opts.label ?? oldLabel;
  return {
    ...rest,
    id: newSnapshotId(),
    createdAt: new Date(file.createdAt).toISOString(),
    ...(opts.expiresInDays ? { expiresAt: new Date(opts.now.getTime() + opts.expiresInDays * 86_400_000).toISOString() } : {}),
    ...(label ? { label } : {}),
  };
}
