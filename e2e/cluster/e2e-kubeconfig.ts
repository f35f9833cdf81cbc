/**
 * One kubeconfig with a context per local profile and identity, for the dashboard under test:
 * kp-weak (current), kp-hardened, kp-managed, kp-weak-restricted, and kp-unreachable (nothing
 * listens there). Written to .cluster/e2e.kubeconfig.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { paths, stateDirFor } from './cluster.ts';
import type { ProfileName } from './profiles.ts';

interface Kubeconfig {
  clusters: { name: string; cluster: Record<string, unknown> }[];
  users: { name: string; user: Record<string, unknown> }[];
  contexts: { name: string; context: Record<string, unknown> }[];
}

const ENTRIES: { context: string; profile: ProfileName; file: 'admin' | 'restricted' }[] = [
  { context: 'kp-weak', profile: 'weak', file: 'admin' },
  { context: 'kp-hardened', profile: 'hardened', file: 'admin' },
  { context: 'kp-managed', profile: 'managed', file: 'admin' },
  { context: 'kp-weak-restricted', profile: 'weak', file: 'restricted' },
];

export function e2eKubeconfigPath(): string {
  return join(stateDirFor('weak'), '..', 'e2e.kubeconfig');
}

export function writeE2eKubeconfig(): string {
  const out: Kubeconfig = { clusters: [], users: [], contexts: [] };
  for (const e of ENTRIES) {
    const file = paths(e.profile)[e.file];
    if (!existsSync(file)) throw new Error(`${file} is missing: start the ${e.profile} profile first`);
    const kc = load(readFileSync(file, 'utf8')) as Kubeconfig;
    const cluster = kc.clusters[0];
    const user = kc.users[0];
    const ctx = kc.contexts[0];
    if (!cluster || !user || !ctx) throw new Error(`${file} is incomplete`);
    out.clusters.push({ name: e.context, cluster: cluster.cluster });
    out.users.push({ name: e.context, user: user.user });
    out.contexts.push({ name: e.context, context: { ...ctx.context, cluster: e.context, user: e.context } });
  }
  const weakCluster = out.clusters[0]?.cluster ?? {};
  out.clusters.push({ name: 'kp-unreachable', cluster: { ...weakCluster, server: 'https://127.0.0.1:9' } });
  out.users.push({ name: 'kp-unreachable', user: { token: 'unused' } });
  out.contexts.push({ name: 'kp-unreachable', context: { cluster: 'kp-unreachable', user: 'kp-unreachable' } });
  const target = e2eKubeconfigPath();
  writeFileSync(target, JSON.stringify({ apiVersion: 'v1', kind: 'Config', 'current-context': 'kp-weak', ...out }, null, 2), { mode: 0o600 });
  return target;
}
