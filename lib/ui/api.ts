/**
 * Browser side of the HTTP API: URLs, typed fetchers and the one error class the UI shows.
 * Every route answers errors as `{ error: { code, message } }`; anything else (a proxy's HTML page,
 * a dropped connection) becomes an `internal`/`unreachable` error with a sentence of our own.
 */
import type { ApiError, ErrorCode, ScanRecord } from '../posture/types';

export interface KubeContext {
  name: string;
  cluster: string;
  server: string;
  user: string;
}

export interface ContextsResponse {
  contexts: KubeContext[];
  current?: string;
  mode: 'local' | 'in-cluster';
}

export class ApiRequestError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, status: number, details?: Record<string, unknown>) {
    super(message);
    this.name = 'ApiRequestError';
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

export const api = {
  contexts: () => '/api/contexts',
  startScan: (context: string, force = false) => `/api/clusters/${encodeURIComponent(context)}/scans${force ? '?force=1' : ''}`,
  scan: (id: string) => `/api/scans/${encodeURIComponent(id)}`,
  scanEvents: (id: string) => `/api/scans/${encodeURIComponent(id)}/events`,
} as const;

function isApiError(body: unknown): body is ApiError {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const e = (body as { error: unknown }).error;
  return typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' && typeof (e as { message?: unknown }).message === 'string';
}

/** An ApiError body, or our own error, from any failed response or network failure. */
export function toRequestError(e: unknown): ApiRequestError {
  if (e instanceof ApiRequestError) return e;
  return new ApiRequestError('unreachable', 'The kube-posture server did not answer. Check that it is still running, then try again.', 0);
}

export async function requestJson<T>(url: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, headers: { Accept: 'application/json', ...init?.headers }, cache: 'no-store' });
  } catch (e) {
    throw toRequestError(e);
  }
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    body = undefined;
  }
  if (isApiError(body)) throw new ApiRequestError(body.error.code, body.error.message, res.status, body.error.details);
  if (!res.ok || body === undefined) {
    throw new ApiRequestError('internal', `The kube-posture server answered ${res.status} ${res.statusText || ''}`.trim() + ' without an explanation. The server log has the details.', res.status);
  }
  return body as T;
}

export const fetchContexts = () => requestJson<ContextsResponse>(api.contexts());

export const startScan = (context: string, force = false) =>
  requestJson<{ scanId: string; status?: ScanRecord['status'] }>(api.startScan(context, force), { method: 'POST' });

export const fetchScan = (id: string) => requestJson<ScanRecord>(api.scan(id));
