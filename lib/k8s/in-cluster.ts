import 'server-only';
/**
 * The dashboard's own connection in in-cluster mode: one context, `in-cluster`. Inside a pod it is
 * the pod's service account (token file re-read on every scan, so projected tokens rotate);
 * outside a pod (KUBE_POSTURE_MODE=in-cluster on a workstation or in tests) it is the current
 * context of the kubeconfig, whose identity then plays the dashboard's service account.
 *
 * That identity is used for TokenReview (token sign-in), impersonation (behind a trusted proxy)
 * and the opt-in service-account mode; signed-in users' scans use their own token.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { insidePod } from '../auth/config';
import { ClusterError } from './errors';
import type { LoadedKubeConfig } from './kubeconfig';

export const IN_CLUSTER_CONTEXT = 'in-cluster';
const SELF_USER = 'kube-posture';

function fromKubeconfig(files: string[]): { kc: KubeConfig; files: string[] } {
  const present = files.filter((f) => existsSync(f));
  if (present.length === 0) {
    throw new ClusterError('not-configured', 'KUBE_POSTURE_MODE=in-cluster outside a pod needs a kubeconfig (KUBECONFIG) whose current context names the cluster and the identity to run as.');
  }
  const kc = new KubeConfig();
  const [first, ...rest] = present;
  try {
    kc.loadFromString(readFileSync(first as string, 'utf8'));
    kc.makePathsAbsolute(join(first as string, '..'));
    for (const f of rest) {
      const more = new KubeConfig();
      more.loadFromString(readFileSync(f, 'utf8'));
      more.makePathsAbsolute(join(f, '..'));
      kc.mergeConfig(more, true);
    }
  } catch (e) {
    throw new ClusterError('invalid-input', `The kubeconfig ${present.join(', ')} is not valid: ${(e as Error).message.split('\n')[0]}.`, { files: present });
  }
  return { kc, files: present };
}

/** One-context kubeconfig (`in-cluster`) from the pod's service account or the current kubeconfig context. */
export function loadInClusterConfig(files: string[], env: NodeJS.ProcessEnv = process.env): LoadedKubeConfig {
  let source: KubeConfig;
  let used: string[] = [];
  if (insidePod(env)) {
    source = new KubeConfig();
    source.loadFromCluster();
  } else {
    ({ kc: source, files: used } = fromKubeconfig(files));
  }
  const cluster = source.getCurrentCluster();
  const user = source.getCurrentUser();
  if (!cluster?.server || !user) {
    throw new ClusterError('invalid-input', 'The current kubeconfig context names no cluster server or no user; in-cluster mode needs both.', { files: used });
  }
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ ...cluster, name: IN_CLUSTER_CONTEXT }],
    users: [{ ...user, name: SELF_USER }],
    contexts: [{ name: IN_CLUSTER_CONTEXT, cluster: IN_CLUSTER_CONTEXT, user: SELF_USER }],
    currentContext: IN_CLUSTER_CONTEXT,
  });
  return { kc, files: used, inCluster: true };
}
