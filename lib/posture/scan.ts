import 'server-only';
/**
 * scan(): the one engine behind the web routes, the CLI, snapshots and benchmarks.
 * Kubeconfig → collect (I/O, lib/k8s) → evaluatePosture (pure).
 */
import { collect, type CollectProgress } from '../k8s/collect';
import type { TransportAuth } from '../k8s/transport';
import { forContext, loadKubeConfig, type LoadedKubeConfig } from '../k8s/kubeconfig';
import { evaluatePosture } from './evaluate';
import { scanSettings, type ScanSettings } from './settings';
import type { Posture, ScanProgress } from './types';
import type { Waiver } from '../waivers/types';

export interface ScanOptions {
  context?: string;
  /** A kubeconfig file; default $KUBECONFIG / ~/.kube/config / in-cluster. */
  kubeconfig?: string;
  /** An already loaded kubeconfig (the web server keeps one). */
  loaded?: LoadedKubeConfig;
  onProgress?: (p: Omit<ScanProgress, 'scanId'>) => void;
  signal?: AbortSignal;
  settings?: Partial<ScanSettings>;
  /** In-cluster mode: read as the signed-in user (their token) or as the user a trusted proxy vouched for (impersonation). */
  auth?: ScanAuth;
  /** Who the scan reads as, shown as the posture's user (default: the kubeconfig context's user). */
  user?: string;
  /** Accepted risks to apply (the web server passes the store's). */
  waivers?: readonly Waiver[];
}

export type ScanAuth = TransportAuth;

/** Collection is most of the work; evaluation the last few percent. */
export function progressOf(p: CollectProgress): Omit<ScanProgress, 'scanId'> {
  const fraction = p.phase === 'connecting' ? 0.02 : p.phase === 'probing' ? 0.92 : 0.05 + 0.85 * (p.kindsDone / Math.max(1, p.kindsTotal));
  return { phase: p.phase, kindsDone: p.kindsDone, kindsTotal: p.kindsTotal, objectsRead: p.objectsRead, requests: p.requests, fraction };
}

export async function scan(opts: ScanOptions = {}): Promise<Posture> {
  const settings = { ...scanSettings(), ...opts.settings };
  const loaded = opts.loaded ?? loadKubeConfig(opts.kubeconfig);
  const target = forContext(loaded, opts.context);
  let last: CollectProgress | undefined;
  const inv = await collect({
    kc: target.kc,
    context: target.context,
    server: target.server,
    user: opts.user ?? target.user,
    inCluster: loaded.inCluster,
    auth: opts.auth,
    signal: opts.signal,
    secretMetadata: settings.secretMetadata,
    kubeletConfigz: settings.kubeletConfigz,
    timeoutMs: settings.requestTimeoutMs,
    concurrency: settings.concurrency,
    pageSize: settings.pageSize,
    fallbackNamespaces: [...(target.namespace ? [target.namespace] : []), ...settings.namespaces],
    onProgress: (p) => {
      last = p;
      opts.onProgress?.(progressOf(p));
    },
  });
  opts.onProgress?.({ ...progressOf(last ?? { phase: 'probing', kindsDone: 0, kindsTotal: 0, objectsRead: 0, requests: 0 }), phase: 'evaluating', fraction: 0.95 });
  return evaluatePosture(inv, { waivers: opts.waivers, now: new Date() });
}
