/**
 * Failures classified once, at the edge where the cluster answers. Everything above lib/k8s sees
 * a ClusterError with a code and a sentence a person can act on, never a raw socket error.
 */
import type { ErrorCode } from '../posture/types';

export class ClusterError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;
  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'ClusterError';
    this.code = code;
    this.details = details;
  }
}

export function isClusterError(e: unknown): e is ClusterError {
  return e instanceof ClusterError;
}

const TLS_TRUST_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
  'CERT_SIGNATURE_FAILURE',
]);

/** Turns a transport-level error (no HTTP answer) into a ClusterError naming the endpoint. */
export function classifyTransportError(err: unknown, endpoint: string): ClusterError {
  const e = err as { code?: string; message?: string; name?: string };
  const code = e.code ?? '';
  const detail = { endpoint, cause: code || e.message };
  if (e.name === 'AbortError' || code === 'ETIMEDOUT' || code === 'KP_TIMEOUT') {
    return new ClusterError('timeout', `The API server at ${endpoint} did not answer in time. The cluster may be overloaded or the network slow; try again, or raise KUBE_POSTURE_REQUEST_TIMEOUT_MS.`, detail);
  }
  if (code === 'ECONNREFUSED') {
    return new ClusterError('unreachable', `Nothing is listening at ${endpoint} (connection refused). Is the cluster running, and is this the right context?`, detail);
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new ClusterError('unreachable', `The API server host of ${endpoint} cannot be resolved (DNS). Check the server address in your kubeconfig and your network or VPN.`, detail);
  }
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'ECONNRESET' || code === 'EPIPE') {
    return new ClusterError('unreachable', `The connection to ${endpoint} failed (${code}). Check the network path to the cluster.`, detail);
  }
  if (TLS_TRUST_CODES.has(code)) {
    return new ClusterError('unreachable', `The API server at ${endpoint} presented a certificate that the CA in your kubeconfig does not trust (${code}). Check certificate-authority-data for this cluster.`, detail);
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return new ClusterError('unreachable', `The API server certificate at ${endpoint} is not valid for that host name. Use the address the certificate was issued for.`, detail);
  }
  if (code === 'CERT_HAS_EXPIRED') {
    return new ClusterError('unreachable', `The API server certificate at ${endpoint} has expired. Rotate the serving certificate.`, detail);
  }
  if (code.startsWith('ERR_SSL') || code.startsWith('ERR_TLS') || /ssl|tls/i.test(e.message ?? '')) {
    return new ClusterError('unreachable', `The TLS handshake with ${endpoint} failed: ${e.message ?? code}.`, detail);
  }
  return new ClusterError('unreachable', `The request to ${endpoint} failed: ${e.message ?? String(err)}.`, detail);
}

/** Turns an HTTP error status into a ClusterError; `what` names the request ("list pods"). */
export function classifyStatus(status: number, endpoint: string, what: string, context: string, body?: string): ClusterError {
  const reason = apiStatusMessage(body);
  const details = { endpoint, status, request: what, ...(reason ? { reason } : {}) };
  if (status === 401) {
    return new ClusterError(
      'unauthorized',
      `The API server rejected the credentials of context "${context}" (401): the token or certificate is invalid or expired. Refresh them (for example, log in again with your cloud CLI) and retry.`,
      details,
    );
  }
  if (status === 403) return new ClusterError('forbidden', `Your identity is not allowed to ${what} (403)${reason ? `: ${reason}` : ''}.`, details);
  if (status === 404) return new ClusterError('not-found', `${what}: not found (404).`, details);
  if (status === 408 || status === 504) return new ClusterError('timeout', `The API server timed out on ${what} (${status}).`, details);
  return new ClusterError('internal', `The API server answered ${status} to ${what}${reason ? `: ${reason}` : ''}.`, details);
}

/** The `message` of a Kubernetes Status body, if there is one. */
export function apiStatusMessage(body?: string): string | undefined {
  if (!body) return undefined;
  try {
    const s = JSON.parse(body) as { kind?: string; message?: string };
    return s.kind === 'Status' && typeof s.message === 'string' ? s.message : undefined;
  } catch {
    return undefined;
  }
}
