import 'server-only';
/**
 * The HTTP edge of snapshots and waivers: bounded body reading, JSON + zod validation, and the
 * one error shape (`{ error: { code, message, details } }`) with the statuses this API needs
 * beyond lib/api/respond (410 Gone for expired or revoked links, 413 for oversized bodies, 415 for
 * bodies that are not JSON). Never a stack trace: unexpected errors are logged and summarized.
 */
import { NextResponse } from 'next/server';
import type { z } from 'zod';
import { readCappedText } from '../api/body';
import { errorResponse } from '../api/respond';
import type { ApiError, ErrorCode } from '../posture/types';
import { SchemaTooNewError } from '../storage/migrate';
import { parseJsonSafely } from './import';
import type { GetSnapshotResult } from './types';

export type Failure = { ok: false; status: number; code: ErrorCode; message: string; details?: Record<string, unknown> };
export type Result<T> = { ok: true; value: T } | Failure;

export const fail = (status: number, code: ErrorCode, message: string, details?: Record<string, unknown>): Failure => ({
  ok: false,
  status,
  code,
  message,
  ...(details ? { details } : {}),
});

/** Headers for everything under /api/snapshots: never cached, never leaking the capability URL. */
export const PRIVATE_HEADERS: Record<string, string> = {
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'X-Robots-Tag': 'noindex, nofollow',
};

export function failureResponse(f: Failure): NextResponse<ApiError> {
  return NextResponse.json({ error: { code: f.code, message: f.message, ...(f.details ? { details: f.details } : {}) } }, { status: f.status, headers: PRIVATE_HEADERS });
}

export function ok<T>(body: T, status = 200): NextResponse<T> {
  return NextResponse.json(body, { status, headers: PRIVATE_HEADERS });
}

export function respond<T>(r: Result<T>, status = 200): NextResponse {
  return r.ok ? ok(r.value, status) : failureResponse(r);
}

/** 404 for unknown ids, 410 for expired or revoked ones. */
export function missing(r: Exclude<GetSnapshotResult, { status: 'ok' }>, which?: string): Failure {
  const subject = which ? `Snapshot ${which}` : 'This snapshot';
  if (r.status === 'not-found') return fail(404, 'not-found', `${subject} does not exist. Check the link, or ask for a new one.`, which ? { which } : undefined);
  const what = r.reason === 'expired' ? `expired on ${r.at}` : `was revoked on ${r.at}`;
  return fail(410, 'not-found', `${subject} ${what} and is no longer available.`, { gone: r.reason, at: r.at, ...(which ? { which } : {}) });
}

export function invalid(error: z.ZodError, what = 'The request'): Failure {
  const issues = error.issues.slice(0, 10).map((i) => ({ path: i.path.map(String).join('.') || '(root)', message: i.message }));
  const first = issues[0];
  return fail(400, 'invalid-input', `${what} is not valid${first ? `: ${first.path}: ${first.message}` : ''}.`, { issues });
}

export function validate<S extends z.ZodType>(schema: S, input: unknown, what?: string): Result<z.infer<S>> {
  const r = schema.safeParse(input);
  return r.success ? { ok: true, value: r.data } : invalid(r.error, what);
}

/** The query string as a plain object (first value of each key). */
export function queryOf(req: Request): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new URL(req.url).searchParams) if (!(k in out)) out[k] = v;
  return out;
}

/** Reads the body as text, refusing more than `limit` bytes (declared or actual) without buffering it all. */
export async function readText(req: Request, limit: number): Promise<Result<string>> {
  const tooLarge = (size?: number) => fail(413, 'invalid-input', `The body is larger than the limit of ${limit} bytes.`, { limit, ...(size ? { size } : {}) });
  const declared = Number(req.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) return tooLarge(declared);
  const text = await readCappedText(req, limit);
  return text === undefined ? tooLarge() : { ok: true, value: text };
}

const isJson = (req: Request) => /^application\/([a-z.+-]*\+)?json\b/i.test(req.headers.get('content-type') ?? '');

/** A JSON body (content type required: it keeps cross-site form posts out), parsed safely, validated. */
export async function readJson<S extends z.ZodType>(req: Request, schema: S, limit = 64 * 1024): Promise<Result<z.infer<S>>> {
  if (!isJson(req)) return fail(415, 'invalid-input', 'Send the body as JSON (Content-Type: application/json).');
  const text = await readText(req, limit);
  if (!text.ok) return text;
  let data: unknown;
  try {
    data = parseJsonSafely(text.value);
  } catch (e) {
    return fail(400, 'invalid-input', e instanceof SyntaxError ? `The body is not valid JSON: ${e.message}` : 'The body contains keys that are not allowed.');
  }
  return validate(schema, data, 'The body');
}

export function requireJsonContentType(req: Request): Failure | undefined {
  return isJson(req) ? undefined : fail(415, 'invalid-input', 'Send the snapshot file as JSON (Content-Type: application/json).');
}

const UNREACHABLE = /ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ETIMEDOUT|ECONNRESET|password authentication failed|does not exist|timeout exceeded when trying to connect/i;

/** Errors from the store: a sentence about the database, never internals. */
export function storeErrorResponse(e: unknown): NextResponse<ApiError> {
  if (e instanceof SchemaTooNewError) return failureResponse(fail(409, 'not-configured', e.message));
  const msg = e instanceof Error ? `${(e as { code?: string }).code ?? ''} ${e.message}` : '';
  if (UNREACHABLE.test(msg)) {
    console.error('[kube-posture] snapshot store unreachable:', e instanceof Error ? e.message : e);
    return failureResponse(fail(502, 'unreachable', 'The snapshot database cannot be reached. Check DATABASE_URL (or unset it to use the built-in SQLite store).'));
  }
  return errorResponse(e);
}
