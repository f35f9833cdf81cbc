/**
 * Seeds a profile's scenario through the API: nodes, mirror pods, the project's read-only RBAC
 * from deploy/, and the profile's YAML (e2e/cluster/profiles/common + <profile>). Then waits
 * until every node is Ready and every seeded pod is Running.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadAll } from 'js-yaml';
import { createHash } from 'node:crypto';
import type { ClusterPaths } from './cluster.ts';
import { CONTROL_PLANE, CONTROL_PLANE_NODE, mirrorPod, staticPodManifest } from './manifests.ts';
import { REPO_ROOT } from './repo.ts';
import { kubeconfigText, writeKubeconfig } from './config-files.ts';
import type { Kubectl } from './kubectl.ts';
import { ETCD_VERSION, K8S_VERSION, nodesFor } from './nodes.ts';
import type { ProfileName, ProfileSpec } from './profiles.ts';

const log = (msg: string) => process.stderr.write(`[cluster] ${msg}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const PROFILES_DIR = join(REPO_ROOT, 'e2e', 'cluster', 'profiles');
export const VIEWER_RBAC = join(REPO_ROOT, 'deploy', 'kubernetes', 'rbac.yaml');

interface K8sDoc {
  kind?: string;
  metadata?: { name?: string; namespace?: string };
}

/** Profile-dependent values substituted for `${NAME}` in the scenario YAML. */
function variables(profile: ProfileName): Record<string, string> {
  return {
    K8S_VERSION,
    PROFILE: profile,
    KUBE_PROXY_METRICS_BIND: profile === 'weak' ? '0.0.0.0:10249' : '127.0.0.1:10249',
  };
}

export function scenarioDocs(profile: ProfileName): K8sDoc[] {
  const vars = variables(profile);
  // The bench profile is loaded by bench/load.ts at the requested scale, add-ons included.
  const dirs = profile === 'bench' ? ['bench'] : ['common', profile];
  const files = dirs.flatMap((dir) =>
    readdirSync(join(PROFILES_DIR, dir))
      .filter((f) => f.endsWith('.yaml') && f !== 'expectations.yaml')
      .sort()
      .map((f) => join(PROFILES_DIR, dir, f)),
  );
  return [VIEWER_RBAC, ...files].flatMap((f) => {
    const text = readFileSync(f, 'utf8').replace(/\$\{([A-Z0-9_]+)\}/g, (m, name: string) => vars[name] ?? m);
    return (loadAll(text) as (K8sDoc | null)[]).filter((d): d is K8sDoc => d !== null && typeof d === 'object');
  });
}

/** Creates the nodes and, for profiles with a visible control plane, the mirror pods on cp-1. */
function createNodesAndMirrorPods(kubectl: Kubectl, profile: ProfileName, workers: number, spec: ProfileSpec, stateDir: string): void {
  const nodes = nodesFor(profile, workers);
  const existing = new Set(kubectl.run(['get', 'nodes', '-o', 'name']).split('\n').map((s) => s.replace(/^node\//, '')).filter(Boolean));
  for (const n of nodes) {
    if (!existing.has(n.metadata.name)) kubectl.run(['create', '-f', '-'], JSON.stringify(n));
  }
  if (!spec.visibleControlPlane) return;
  const uid = kubectl.run(['get', 'node', CONTROL_PLANE_NODE, '-o', 'jsonpath={.metadata.uid}']).trim();
  for (const c of CONTROL_PLANE) {
    const manifest = staticPodManifest(c, spec, stateDir, { k8s: K8S_VERSION, etcd: ETCD_VERSION });
    const hash = createHash('sha256').update(JSON.stringify(manifest)).digest('hex').slice(0, 32);
    const name = `${c}-${CONTROL_PLANE_NODE}`;
    if (kubectl.tryRun(['-n', 'kube-system', 'get', 'pod', name, '-o', 'name']) === undefined) {
      kubectl.run(['create', '-f', '-'], JSON.stringify(mirrorPod(manifest, { name: CONTROL_PLANE_NODE, uid }, hash)));
    }
  }
}

export async function seedProfile(args: { profile: ProfileName; workers: number; kubectl: Kubectl; paths: ClusterPaths; spec: ProfileSpec }): Promise<void> {
  const { profile, kubectl, paths, spec } = args;
  log(`creating nodes and ${spec.visibleControlPlane ? 'control-plane mirror pods' : 'no control-plane pods (managed)'}`);
  createNodesAndMirrorPods(kubectl, profile, args.workers, spec, paths.stateDir);

  const docs = scenarioDocs(profile);
  const namespaces = docs.filter((d) => d.kind === 'Namespace');
  const rest = docs.filter((d) => d.kind !== 'Namespace');
  log(`applying the ${profile} scenario (${docs.length} objects)`);
  kubectl.apply(namespaces.map((d) => JSON.stringify(d)).join('\n'));
  // Pods cannot be created before the controller-manager made each namespace's default ServiceAccount.
  const nsNames = ['default', 'kube-system', ...namespaces.map((n) => n.metadata?.name ?? '')].filter(Boolean);
  for (const ns of nsNames) {
    for (let i = 0; i < 240 && kubectl.tryRun(['-n', ns, 'get', 'serviceaccount', 'default', '-o', 'name']) === undefined; i++) await sleep(250);
  }
  kubectl.apply(rest.map((d) => JSON.stringify(d)).join('\n'));

  // The viewer: the project's own read-only ServiceAccount, with a fresh bound token.
  const token = kubectl.run(['-n', 'kube-posture', 'create', 'token', 'kube-posture', '--duration=24h']).trim();
  const server = `https://127.0.0.1:${spec.ports.apiserver}`;
  writeKubeconfig(
    paths.viewer,
    kubeconfigText({ server, caFile: join(paths.stateDir, 'pki', 'ca.crt'), cluster: `kube-posture-${profile}`, user: `viewer-${profile}`, auth: { token } }),
  );
}

interface PodList {
  items: { metadata: { namespace: string; name: string }; status?: { phase?: string } }[];
}
interface NodeList {
  items: { metadata: { name: string }; status?: { conditions?: { type: string; status: string }[] } }[];
}
interface DeploymentList {
  items: { metadata: { namespace: string; name: string }; spec?: { replicas?: number }; status?: { readyReplicas?: number } }[];
}

export async function waitForSeed(kubectl: Kubectl, profile: ProfileName, timeoutMs = 240_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    const nodes = kubectl.json<NodeList>(['get', 'nodes']).items;
    const notReady = nodes.filter((n) => !n.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')).map((n) => n.metadata.name);
    // The bench profile's synthetic workloads are loaded later and never reconciled: wait for the control plane only.
    const pods = kubectl.json<PodList>(profile === 'bench' ? ['-n', 'kube-system', 'get', 'pods', '-l', 'tier=control-plane'] : ['get', 'pods', '-A']).items;
    const pending = pods.filter((p) => !['Running', 'Succeeded'].includes(p.status?.phase ?? '')).map((p) => `${p.metadata.namespace}/${p.metadata.name}`);
    const deployments = profile === 'bench' ? [] : kubectl.json<DeploymentList>(['get', 'deployments', '-A']).items;
    const unavailable = deployments
      .filter((d) => (d.status?.readyReplicas ?? 0) < (d.spec?.replicas ?? 1))
      .map((d) => `${d.metadata.namespace}/${d.metadata.name}`);
    if (nodes.length > 0 && notReady.length === 0 && pending.length === 0 && unavailable.length === 0) {
      log(`profile ${profile} ready: ${nodes.length} nodes Ready, ${pods.length} pods Running`);
      return;
    }
    last = [
      notReady.length ? `nodes not Ready: ${notReady.join(', ')}` : '',
      pending.length ? `pods not Running: ${pending.slice(0, 10).join(', ')}` : '',
      unavailable.length ? `deployments not ready: ${unavailable.join(', ')}` : '',
    ]
      .filter(Boolean)
      .join('; ');
    await sleep(500);
  }
  const events = kubectl.tryRun(['get', 'events', '-A', '--field-selector', 'type=Warning', '--sort-by=.lastTimestamp']) ?? '';
  throw new Error(`profile ${profile} did not become ready in ${timeoutMs / 1000}s: ${last}\nWarning events:\n${events.split('\n').slice(-15).join('\n')}`);
}
