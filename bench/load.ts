/**
 * Loads a synthetic cluster (bench/synthetic.ts) into the local `bench` profile through the API,
 * as fast as the API server accepts it. A ConfigMap `default/kube-posture-bench` records what is
 * loaded, so a loaded data dir is reused by later runs.
 */
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:https';
import { join } from 'node:path';
import { paths, stateDirFor } from '../e2e/cluster/cluster.ts';
import { portsFor } from '../e2e/cluster/profiles.ts';
import { SCALES, syntheticCluster, type K8sObject, type Scale } from './synthetic.ts';

const log = (m: string) => process.stderr.write(`[bench] ${m}\n`);

export class AdminClient {
  private readonly agent: Agent;
  readonly server = `https://127.0.0.1:${portsFor('bench').apiserver}`;
  constructor() {
    const pki = join(stateDirFor('bench'), 'pki');
    this.agent = new Agent({ keepAlive: true, maxSockets: 32, ca: readFileSync(join(pki, 'ca.crt')), cert: readFileSync(join(pki, 'admin.crt')), key: readFileSync(join(pki, 'admin.key')) });
  }
  send(method: string, path: string, body?: unknown): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const data = body === undefined ? undefined : JSON.stringify(body);
      const req = request(new URL(this.server + path), { method, agent: this.agent, headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...(data ? { 'Content-Length': Buffer.byteLength(data) } : {}) } }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      });
      req.on('error', reject);
      req.end(data);
    });
  }
  close(): void {
    this.agent.destroy();
  }
}

const PLURAL: Record<string, [string, boolean]> = {
  Node: ['/api/v1/nodes', false],
  Namespace: ['/api/v1/namespaces', false],
  Pod: ['/api/v1/namespaces/NS/pods', true],
  Service: ['/api/v1/namespaces/NS/services', true],
  ResourceQuota: ['/api/v1/namespaces/NS/resourcequotas', true],
  LimitRange: ['/api/v1/namespaces/NS/limitranges', true],
  NetworkPolicy: ['/apis/networking.k8s.io/v1/namespaces/NS/networkpolicies', true],
  Role: ['/apis/rbac.authorization.k8s.io/v1/namespaces/NS/roles', true],
  RoleBinding: ['/apis/rbac.authorization.k8s.io/v1/namespaces/NS/rolebindings', true],
  ClusterRole: ['/apis/rbac.authorization.k8s.io/v1/clusterroles', false],
  ClusterRoleBinding: ['/apis/rbac.authorization.k8s.io/v1/clusterrolebindings', false],
  Deployment: ['/apis/apps/v1/namespaces/NS/deployments', true],
  ReplicaSet: ['/apis/apps/v1/namespaces/NS/replicasets', true],
  DaemonSet: ['/apis/apps/v1/namespaces/NS/daemonsets', true],
};

async function createAll(client: AdminClient, objects: Iterable<K8sObject>, what: string, concurrency = 24): Promise<number> {
  const it = objects[Symbol.iterator]();
  let done = 0;
  const started = Date.now();
  let lastLog = started;
  const worker = async () => {
    for (let next = it.next(); !next.done; next = it.next()) {
      const o = next.value;
      const [path, namespaced] = PLURAL[o.kind] ?? [];
      if (!path) throw new Error(`no path for ${o.kind}`);
      const url = namespaced ? path.replace('NS', o.metadata.namespace ?? 'default') : path;
      for (let attempt = 0; ; attempt++) {
        const r = await client.send('POST', url, o);
        if (r.status === 201 || r.status === 200 || r.status === 409) break;
        if ((r.status === 429 || r.status >= 500 || r.status === 403) && attempt < 20) {
          // 403 right after a namespace is created: its default ServiceAccount may not exist yet.
          await new Promise((res) => setTimeout(res, 200 * (attempt + 1)));
          continue;
        }
        throw new Error(`create ${o.kind} ${o.metadata.namespace ?? ''}/${o.metadata.name}: ${r.status} ${r.body.slice(0, 300)}`);
      }
      done++;
      if (Date.now() - lastLog > 5000) {
        lastLog = Date.now();
        log(`${what}: ${done} created (${Math.round(done / ((Date.now() - started) / 1000))}/s)`);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  log(`${what}: ${done} created in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  return done;
}

async function marker(client: AdminClient): Promise<{ scale?: Scale; loadSeconds?: string } | undefined> {
  const r = await client.send('GET', '/api/v1/namespaces/default/configmaps/kube-posture-bench');
  if (r.status !== 200) return undefined;
  return (JSON.parse(r.body) as { data?: { scale?: Scale; loadSeconds?: string } }).data;
}

export async function loadedScale(client: AdminClient): Promise<Scale | undefined> {
  return (await marker(client))?.scale;
}

/**
 * Loads `scale` unless it is already loaded. Returns the seconds loading took, and whether this
 * run loaded it (a reused cluster reports the time recorded when it was loaded).
 */
export async function load(scale: Scale): Promise<{ seconds: number; reused: boolean }> {
  const client = new AdminClient();
  try {
    const m = await marker(client);
    if (m?.scale === scale) {
      log(`scale ${scale} is already loaded (in ${m.loadSeconds ?? '?'} s); reusing it`);
      return { seconds: Number(m.loadSeconds ?? Number.NaN), reused: true };
    }
    const started = Date.now();
    const c = syntheticCluster(scale);
    log(`loading scale ${scale}: ${c.nodes.length} nodes, ${c.podCount} pods, ${c.objects.length} other objects`);
    await createAll(client, c.nodes, 'nodes');
    await createAll(client, c.objects.filter((o) => o.kind === 'Namespace'), 'namespaces');
    await createAll(client, c.objects.filter((o) => o.kind !== 'Namespace'), 'objects');
    await createAll(client, c.pods(), 'pods');
    const seconds = (Date.now() - started) / 1000;
    await client.send('POST', '/api/v1/namespaces/default/configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'kube-posture-bench' }, data: { scale, nodes: String(SCALES[scale].nodes), pods: String(c.podCount), loadSeconds: seconds.toFixed(1) } });
    return { seconds, reused: false };
  } finally {
    client.close();
  }
}

export { paths };
