import 'server-only';
/**
 * One JSON error shape for every route: `{ error: { code, message, details } }`, with the HTTP
 * status that code implies. No stack traces reach the browser.
 */
import { NextResponse } from 'next/server';
import { isClusterError } from '../k8s/errors';
import type { ApiError, ErrorCode } from '../posture/types';

const STATUS: Record<ErrorCode, number> = {
  'invalid-input': 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  'rate-limited': 429,
  'not-configured': 409,
  timeout: 504,
  unreachable: 502,
  internal: 500,
};

export function apiError(code: ErrorCode, message: string, details?: Record<string, unknown>): NextResponse<ApiError> {
  return NextResponse.json({ error: { code, message, ...(details ? { details } : {}) } }, { status: STATUS[code], headers: { 'Cache-Control': 'no-store' } });
}

export function errorResponse(e: unknown): NextResponse<ApiError> {
  if (isClusterError(e)) return apiError(e.code, e.message, e.details);
  console.error('[kube-posture] unexpected error', e);
  return apiError('internal', 'Something went wrong on the server. The details are in the server log.');
}

export function json<T>(body: T, status = 200): NextResponse<T> {
  return NextResponse.json(body, { status, headers: { 'Cache-Control': 'no-store' } });
}

/** Kubernetes context names: what kubeconfigs contain in practice, nothing that could be a path. */
export const CONTEXT_NAME = /^[A-Za-z0-9][A-Za-z0-9._:@/+-]{0,252}$/;
export const SCAN_ID = /^[A-Za-z0-9_-]{8,64}$/;
