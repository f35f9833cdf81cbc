/** Runtime settings from the environment, read in one place and documented in the README. */
import { runMode } from '../auth/config';

function flag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return !['0', 'false', 'no', 'off'].includes(value.toLowerCase());
}

function int(value: string | undefined, fallback: number, min: number, max: number): number {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : fallback;
}

export interface ScanSettings {
  secretMetadata: boolean;
  kubeletConfigz: boolean;
  requestTimeoutMs: number;
  concurrency: number;
  pageSize: number;
  /** A finished scan younger than this is reused instead of starting another. */
  ttlMs: number;
  /** Namespaces to read one by one when cluster-wide lists are forbidden (besides the context's). */
  namespaces: string[];
}

/** In-cluster (or an unreadable mode setting): the dashboard's defaults stay within deploy/kubernetes/rbac.yaml. */
function inCluster(env: NodeJS.ProcessEnv): boolean {
  try {
    return runMode(env) === 'in-cluster';
  } catch {
    return true;
  }
}

export function scanSettings(env: NodeJS.ProcessEnv = process.env): ScanSettings {
  return {
    // Listing Secrets also grants reading their values: opt-in for a deployed dashboard.
    secretMetadata: flag(env.KUBE_POSTURE_SECRET_METADATA, !inCluster(env)),
    kubeletConfigz: flag(env.KUBE_POSTURE_KUBELET_CONFIGZ, false),
    requestTimeoutMs: int(env.KUBE_POSTURE_REQUEST_TIMEOUT_MS, 30_000, 1_000, 600_000),
    concurrency: int(env.KUBE_POSTURE_CONCURRENCY, 4, 1, 32),
    pageSize: int(env.KUBE_POSTURE_PAGE_SIZE, 500, 50, 5_000),
    ttlMs: int(env.KUBE_POSTURE_SCAN_TTL_MS, 30_000, 0, 3_600_000),
    namespaces: (env.KUBE_POSTURE_NAMESPACES ?? '').split(',').map((s) => s.trim()).filter(Boolean),
  };
}
