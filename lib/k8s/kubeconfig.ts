import 'server-only';
/**
 * Kubeconfig the way kubectl reads it: $KUBECONFIG (a path list, merged) or ~/.kube/config, or the
 * in-cluster service account. A malformed file is an `invalid-input` error naming the file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { runMode } from '../auth/config';
import { ClusterError } from './errors';
import { loadInClusterConfig } from './in-cluster';

export interface ContextInfo {
  name: string;
  cluster: string;
  server: string;
  user: string;
  namespace?: string;
}

export interface LoadedKubeConfig {
  kc: KubeConfig;
  /** Files it was read from; empty for in-cluster. */
  files: string[];
  inCluster: boolean;
}

const SA_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

export function kubeconfigFiles(explicit?: string, env: NodeJS.ProcessEnv = process.env): string[] {
  if (explicit) return [explicit];
  const list = (env.KUBECONFIG ?? '').split(delimiter).filter(Boolean);
  if (list.length) return list;
  return [join(env.HOME ?? homedir(), '.kube', 'config')];
}

function loadFile(file: string): KubeConfig {
  const kc = new KubeConfig();
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ClusterError('invalid-input', `The kubeconfig ${file} cannot be read: ${(e as Error).message}.`, { file });
  }
  try {
    kc.loadFromString(text);
  } catch (e) {
    throw new ClusterError('invalid-input', `The kubeconfig ${file} is not valid: ${(e as Error).message.split('\n')[0]}.`, { file });
  }
  kc.makePathsAbsolute(join(file, '..'));
  return kc;
}

/**
 * Loads the kubeconfig. Throws `not-configured` when there is none at all (and no in-cluster
 * service account), `invalid-input` when a file is malformed.
 */
export function loadKubeConfig(explicit?: string, env: NodeJS.ProcessEnv = process.env): LoadedKubeConfig {
  // In-cluster mode (a pod, or KUBE_POSTURE_MODE=in-cluster): one `in-cluster` context, see in-cluster.ts.
  if (explicit === undefined && runMode(env) === 'in-cluster') return loadInClusterConfig(kubeconfigFiles(undefined, env), env);
  const files = kubeconfigFiles(explicit, env).filter((f) => explicit !== undefined || existsSync(f));
  if (files.length === 0) {
    if (env.KUBERNETES_SERVICE_HOST && existsSync(join(SA_DIR, 'token'))) {
      const kc = new KubeConfig();
      kc.loadFromCluster();
      return { kc, files: [], inCluster: true };
    }
    throw new ClusterError(
      'not-configured',
      'No kubeconfig found: set KUBECONFIG or create ~/.kube/config (kube-posture reads it the way kubectl does).',
    );
  }
  const [first, ...rest] = files;
  const kc = loadFile(first as string);
  // Like kubectl: the first file that sets current-context wins; entries merge.
  for (const f of rest) kc.mergeConfig(loadFile(f), true);
  if (kc.getContexts().length === 0) {
    throw new ClusterError('invalid-input', `The kubeconfig ${files.join(', ')} defines no contexts.`, { files });
  }
  return { kc, files, inCluster: false };
}

export function listContexts(loaded: LoadedKubeConfig): ContextInfo[] {
  return loaded.kc.getContexts().map((c) => ({
    name: c.name,
    cluster: c.cluster,
    user: c.user,
    namespace: c.namespace,
    server: loaded.kc.getCluster(c.cluster)?.server ?? '',
  }));
}

/** A copy of the kubeconfig switched to `context`; `invalid-input` if it does not exist. */
export function forContext(loaded: LoadedKubeConfig, context?: string): { kc: KubeConfig; context: string; server: string; user?: string; namespace?: string } {
  const kc = new KubeConfig();
  kc.loadFromString(loaded.kc.exportConfig());
  const name = context ?? kc.getCurrentContext();
  const ctx = kc.getContextObject(name);
  if (!ctx) {
    throw new ClusterError('invalid-input', `There is no context "${name}" in the kubeconfig. Known contexts: ${kc.getContexts().map((c) => c.name).join(', ') || 'none'}.`, { context: name });
  }
  kc.setCurrentContext(name);
  const cluster = kc.getCluster(ctx.cluster);
  if (!cluster?.server) throw new ClusterError('invalid-input', `Context "${name}" names cluster "${ctx.cluster}", which has no server address.`, { context: name });
  return { kc, context: name, server: cluster.server, user: ctx.user, namespace: ctx.namespace };
}
