import 'server-only';
/**
 * One read-only pass over a cluster into an Inventory. Lists are cluster-wide and paginated
 * (~500 per page); each page is projected as it arrives and the raw objects are dropped, so a
 * 150,000-pod cluster never sits in memory as JSON. A read that fails becomes a CollectionIssue
 * next to the data and the scan goes on: partial RBAC is normal.
 */
import type { KubeConfig } from '@kubernetes/client-node';
import { addProjected } from '../model/from-objects';
import { emptyInventory, type CollectionIssue, type Inventory } from '../model/inventory';
import { Interner, projectObject, type Projected } from './projection';
import { ClusterError, classifyStatus } from './errors';
import { CONFIG_MAPS, LISTS, namespacedPath, SECRET_LISTS, type ListSpec } from './kinds';
import { parseApiServerMetrics } from './metrics-parse';
import { probeAnonymous, probeTls } from './probes';
import { type ListResponse, Transport, type TransportAuth } from './transport';
import { capYoungGeneration } from './young-generation';

export interface CollectProgress {
  phase: 'connecting' | 'collecting' | 'probing';
  kindsDone: number;
  kindsTotal: number;
  objectsRead: number;
  requests: number;
}

export interface CollectOptions {
  kc: KubeConfig;
  context: string;
  server: string;
  user?: string;
  inCluster?: boolean;
  /** Read with a signed-in user's token or impersonation instead of the kubeconfig identity (in-cluster mode). */
  auth?: TransportAuth;
  signal?: AbortSignal;
  onProgress?: (p: CollectProgress) => void;
  /** Called when one kind has been read completely (benchmarks measure time to first result). */
  onListDone?: (kind: string) => void;
  pageSize?: number;
  concurrency?: number;
  /** Request page n+1 as soon as page n's continue token arrives (default on). */
  pipeline?: boolean;
  timeoutMs?: number;
  /** Read Secret metadata (legacy and bootstrap tokens). Needs `list secrets`, which also grants reading values. */
  secretMetadata?: boolean;
  /** Read each kubelet's effective config through nodes/proxy (not read-only: GET on nodes/proxy can exec). */
  kubeletConfigz?: boolean;
  /** TLS and anonymous-access probes. */
  probes?: boolean;
  /**
   * Namespaces to read one by one when a cluster-wide list is forbidden (the context's namespace,
   * like kubectl). Users with namespace-scoped rights still get a partial posture.
   */
  fallbackNamespaces?: string[];
}

function query(params: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}

function issueFromError(e: ClusterError, spec: { kind: string; plural: string }, verb: 'list' | 'get', namespace?: string): CollectionIssue {
  const where = namespace ? ` in namespace ${namespace}` : verb === 'list' ? ' in any namespace' : '';
  const base = { kind: spec.kind, verb, ...(namespace ? { namespace } : {}) };
  switch (e.code) {
    case 'forbidden':
      return { ...base, reason: 'forbidden', message: `Your identity cannot ${verb} ${spec.plural}${where}: checks that need them are unknown.` };
    case 'timeout':
      return { ...base, reason: 'timeout', message: `Reading ${spec.plural} timed out: checks that need them are unknown.` };
    case 'not-found':
      return { ...base, reason: 'unsupported', message: `This cluster does not serve ${spec.plural}.` };
    default:
      return { ...base, reason: 'error', message: `Reading ${spec.plural} failed: ${e.message}` };
  }
}

export async function collect(opts: CollectOptions): Promise<Inventory> {
  capYoungGeneration();
  const startedAt = new Date();
  const t = await Transport.create(opts.kc, opts.context, opts.server, { auth: opts.auth, timeoutMs: opts.timeoutMs, concurrency: opts.concurrency, signal: opts.signal });
  const inv = emptyInventory({ context: opts.context, server: opts.server, user: opts.user, inCluster: opts.inCluster }, startedAt.toISOString());
  // One per scan: equal containers, volumes, labels … of pods and templates are kept once.
  const interner = new Interner();
  const pipeline = opts.pipeline !== false;
  const lists = [...LISTS, ...(opts.secretMetadata ? SECRET_LISTS : [])];
  const fallback = [...new Set(opts.fallbackNamespaces ?? [])];
  const kindsTotal = lists.length + 1;
  let kindsDone = 0;
  let objectsRead = 0;
  let extraRequests = 0;
  const progress = (phase: CollectProgress['phase']) =>
    opts.onProgress?.({ phase, kindsDone, kindsTotal, objectsRead, requests: t.requests + extraRequests });

  try {
    progress('connecting');
    // The first request decides whether there is a cluster to talk to at all.
    const version = await t.get('/version');
    if (version.status === 401) throw classifyStatus(401, t.server, 'read the server version', opts.context, version.body);
    if (version.status >= 200 && version.status < 300) inv.version = JSON.parse(version.body) as Inventory['version'];
    else inv.issues.push(issueFromError(classifyStatus(version.status, t.server, 'read /version', opts.context, version.body), { kind: '/version', plural: 'the server version' }, 'get'));
    progress('collecting');

    interface Page {
      res?: ListResponse;
      error?: unknown;
      items: Projected[];
      /** Requested with a continue token (a 410 then means the token expired). */
      continued: boolean;
      /** The following page, requested as soon as this one's `continue` token arrived. */
      next?: Promise<Page>;
    }

    /** Waits for a page requested ahead that is no longer wanted (and for the ones it requested). */
    const drain = async (next: Promise<Page> | undefined): Promise<void> => {
      for (let p = next; p; p = (await p).next);
    };

    /** One page; never rejects (a failure is returned), so a page requested ahead is never an unhandled rejection. */
    const readPage = (spec: ListSpec, path: string, cont: string | undefined): Promise<Page> => {
      const page: Page = { items: [], continued: cont !== undefined };
      const stamp = spec.stamp;
      const onItem = (raw: unknown): void => {
        const obj = stamp && typeof raw === 'object' && raw !== null ? Object.assign(raw, stamp) : raw;
        const p = projectObject(obj, spec.kind, interner);
        if (p) page.items.push(p);
      };
      const url = path + query({ ...spec.query, limit: String(opts.pageSize ?? 500), continue: cont });
      return t
        .getList(url, onItem, {
          accept: spec.accept,
          onRetry: () => {
            page.items.length = 0;
          },
          onHead: (head) => {
            const next = head.metadata?.continue;
            if (next && !page.next && pipeline) page.next = readPage(spec, path, next);
          },
        })
        .then(
          (res) => Object.assign(page, { res }),
          (error: unknown) => Object.assign(page, { error }),
        );
    };

    /**
     * Reads every page of one list; returns the projected items, or the error that stopped it.
     * Items are parsed and projected one by one as their bytes arrive (Transport.getList), so a
     * page never sits in memory as text or as parsed objects; and page n+1 is requested as soon
     * as page n's `continue` token has arrived, so the server encodes the next page while this
     * process parses the current one (the list is sequential otherwise: pods are the critical path).
     */
    const readAll = async (spec: ListSpec, path: string): Promise<Projected[] | ClusterError> => {
      let items: Projected[] = [];
      let restarts = 0;
      let pending = readPage(spec, path, undefined);
      for (;;) {
        const page = await pending;
        const res = page.res;
        if (!res) {
          void drain(page.next);
          throw page.error;
        }
        if (res.status === 410 && page.continued && restarts < 2) {
          // The continue token expired (the list took longer than etcd's compaction window): start over.
          void drain(page.next);
          items = [];
          restarts++;
          pending = readPage(spec, path, undefined);
          continue;
        }
        if (res.status === 401) {
          void drain(page.next);
          throw classifyStatus(401, t.server, `list ${spec.plural}`, opts.context, res.body);
        }
        if (res.status < 200 || res.status >= 300) {
          void drain(page.next);
          return classifyStatus(res.status, t.server, `list ${spec.plural}`, opts.context, res.body);
        }
        for (const p of page.items) items.push(p);
        objectsRead += res.items;
        progress('collecting');
        const cont = res.head?.metadata?.continue || undefined;
        if (!cont) return items;
        pending = page.next ?? readPage(spec, path, cont);
      }
    };

    const listOne = async (spec: ListSpec): Promise<void> => {
      let result = await readAll(spec, spec.path);
      if (result instanceof ClusterError && result.code === 'forbidden' && spec.namespaced && fallback.length > 0) {
        const read: string[] = [];
        const items: Projected[] = [];
        for (const ns of fallback) {
          const r = await readAll(spec, namespacedPath(spec, ns));
          if (r instanceof ClusterError) inv.issues.push(issueFromError(r, spec, 'list', ns));
          else {
            items.push(...r);
            read.push(ns);
          }
        }
        inv.issues.push({
          kind: spec.kind,
          verb: 'list',
          reason: 'forbidden',
          message: `Your identity cannot list ${spec.plural} in all namespaces${read.length ? `; only ${read.join(', ')} ${read.length === 1 ? 'was' : 'were'} read` : ''}: checks that need them cover part of the cluster.`,
          ...(read.length ? { readNamespaces: read } : {}),
        });
        result = items;
      } else if (result instanceof ClusterError) {
        inv.issues.push(issueFromError(result, spec, 'list'));
      }
      opts.onListDone?.(spec.kind);
      if (!(result instanceof ClusterError)) {
        for (const p of result) addProjected(inv, p);
        const key = spec.statKey ?? spec.kind;
        inv.stats.objects[key] = (inv.stats.objects[key] ?? 0) + result.length;
      }
      kindsDone++;
      progress('collecting');
    };

    const getConfigMaps = async (): Promise<void> => {
      for (const name of CONFIG_MAPS) {
        const res = await t.get(`/api/v1/namespaces/kube-system/configmaps/${name}`);
        if (res.status === 200) {
          const p = projectObject(JSON.parse(res.body), 'ConfigMap');
          if (p) addProjected(inv, p);
        } else if (res.status !== 404) {
          inv.issues.push(issueFromError(classifyStatus(res.status, t.server, `get configmap ${name}`, opts.context, res.body), { kind: 'ConfigMap', plural: `configmap kube-system/${name}` }, 'get', 'kube-system'));
        }
      }
      kindsDone++;
      progress('collecting');
    };

    const nonResource = async (): Promise<void> => {
      const api = await t.get('/api');
      if (api.status === 200) for (const v of (JSON.parse(api.body) as { versions?: string[] }).versions ?? []) inv.groupVersions.push(v);
      const apis = await t.get('/apis');
      if (apis.status === 200) {
        const groups = (JSON.parse(apis.body) as { groups?: { versions?: { groupVersion: string }[] }[] }).groups ?? [];
        for (const g of groups) for (const v of g.versions ?? []) inv.groupVersions.push(v.groupVersion);
      } else {
        inv.issues.push(issueFromError(classifyStatus(apis.status, t.server, 'read API discovery', opts.context, apis.body), { kind: '/apis', plural: 'API discovery' }, 'get'));
      }
      inv.groupVersions.sort();
      const metrics = await t.get('/metrics', 'text/plain');
      if (metrics.status === 200) inv.metrics = parseApiServerMetrics(metrics.body);
      else inv.issues.push(issueFromError(classifyStatus(metrics.status, t.server, 'read /metrics', opts.context, metrics.body), { kind: '/metrics', plural: 'API server metrics' }, 'get'));
      const readyz = await t.get('/readyz?verbose', 'text/plain');
      if (readyz.status === 200 || readyz.status === 500) {
        for (const line of readyz.body.split('\n')) {
          const m = /^\[([+-])\]([^\s]+)/.exec(line);
          if (m) inv.readyz.push({ name: m[2] as string, ok: m[1] === '+' });
        }
      }
    };

    await Promise.all([...lists.map(listOne), getConfigMaps(), nonResource()]);

    const readSomething = Object.values(inv.stats.objects).some((n) => n > 0) || inv.stats.objects['Namespace'] !== undefined;
    const forbiddenKinds = new Set(inv.issues.filter((i) => i.verb === 'list' && i.reason === 'forbidden').map((i) => i.kind));
    if (!readSomething && forbiddenKinds.size >= LISTS.length) {
      throw new ClusterError('forbidden', `Your identity in context "${opts.context}" cannot list any of the resources kube-posture reads. Ask for the kube-posture-viewer ClusterRole (deploy/kubernetes/rbac.yaml).`, { context: opts.context });
    }
    if (!opts.secretMetadata) {
      inv.issues.push({ kind: 'Secret', verb: 'list', reason: 'disabled', message: 'Secret metadata is not read (listing Secrets also grants reading their values): legacy and bootstrap token checks are unknown. Enable it with KUBE_POSTURE_SECRET_METADATA=1 and the opt-in Role in deploy/kubernetes/rbac-secrets-metadata.yaml.' });
    }

    progress('probing');
    if (opts.probes !== false) {
      const [tls, anon] = await Promise.all([probeTls(t.server, t.tlsOptions), probeAnonymous(t.server, t.tlsOptions)]);
      inv.tls = tls;
      const { requests, ...anonymous } = anon;
      inv.anonymous = anonymous;
      extraRequests += requests;
    }
    if (opts.kubeletConfigz) {
      inv.kubeletConfigs = {};
      for (const node of inv.nodes) {
        const res = await t.get(`/api/v1/nodes/${encodeURIComponent(node.meta.name)}/proxy/configz`);
        if (res.status === 200) {
          const body = JSON.parse(res.body) as { kubeletconfig?: Record<string, unknown> };
          if (body.kubeletconfig) inv.kubeletConfigs[node.meta.name] = body.kubeletconfig;
        } else {
          inv.issues.push(issueFromError(classifyStatus(res.status, t.server, `read the kubelet config of ${node.meta.name}`, opts.context, res.body), { kind: 'nodes/proxy', plural: 'kubelet configz' }, 'get'));
        }
      }
    } else {
      inv.issues.push({ kind: 'nodes/proxy', verb: 'get', reason: 'disabled', message: 'Kubelet configurations (configz) are not read by default: the nodes/proxy permission it needs is not read-only (it allows exec). Kubelet checks use the kubelet-config ConfigMap baseline; enable per-node reads with KUBE_POSTURE_KUBELET_CONFIGZ=1.' });
    }
  } finally {
    t.close();
  }
  inv.stats = { ...inv.stats, startedAt: startedAt.toISOString(), durationMs: Date.now() - startedAt.getTime(), requests: t.requests + extraRequests };
  inv.collectedAt = new Date().toISOString();
  return inv;
}
