/**
 * Edges inside the control plane and from API clients: clients → API server, API server → etcd,
 * scheduler / controller-manager / CCM → API server. Every state cites the flag or probe it
 * came from; what cannot be seen through the API is `unknown`, never guessed.
 */
import type { Edge } from '../architecture';
import { externalEtcdId } from '../ids';
import type { Inventory, NodeInfo } from '../inventory';
import type { CpInstance } from './control-plane';
import { type ApiTarget, type EdgeAttrs, makeEdge } from './edge';
import { isLoopback, parseEndpoints, refText } from './util';

const ANONYMOUS_ON = new Set([200, 403]); // 403: authenticated as system:anonymous, then denied

function anonymous(inv: Inventory, api: CpInstance | undefined): Pick<EdgeAttrs, 'auth' | 'evidence'> {
  const probe = inv.anonymous;
  const statuses: [string, number | undefined][] = [['/version', probe?.versionStatus], ['/api', probe?.apiStatus]];
  const seen = statuses.filter((s): s is [string, number] => s[1] !== undefined);
  if (seen.length > 0) {
    const text = seen.map(([path, s]) => `anonymous GET ${path} → ${s}`).join(', ');
    if (seen.some(([, s]) => ANONYMOUS_ON.has(s))) return { auth: 'anonymous-allowed', evidence: [text] };
    return { auth: 'unknown', evidence: [`${text}: anonymous requests rejected`] };
  }
  if (!api) return { auth: 'unknown', evidence: ['no anonymous-access probe result'] };
  const src = refText(api.source);
  const flag = api.flags['anonymous-auth'];
  if (flag !== undefined) {
    return flag.toLowerCase() === 'false'
      ? { auth: 'unknown', evidence: [`${src} · --anonymous-auth=false`] }
      : { auth: 'anonymous-allowed', evidence: [`${src} · --anonymous-auth=${flag}`] };
  }
  if (api.flags['authentication-config']) {
    return { auth: 'unknown', evidence: [`${src} · --authentication-config (anonymous settings not visible)`] };
  }
  return { auth: 'anonymous-allowed', evidence: [`${src} · --anonymous-auth not set (default true)`] };
}

function clientTls(inv: Inventory): Pick<EdgeAttrs, 'tls' | 'protocol' | 'evidence'> {
  const server = inv.cluster.server;
  if (server.startsWith('http://')) return { tls: 'none', protocol: 'http', evidence: [`kubeconfig server ${server} is plain HTTP`] };
  const t = inv.tls;
  if (!t) return { tls: 'unknown', protocol: 'https', evidence: ['no TLS probe result'] };
  const negotiated = [t.protocol, t.cipher].filter(Boolean).join(' ');
  const what = t.verified ? 'chain verified against the kubeconfig CA' : `chain not verified${t.verifyError ? ` (${t.verifyError})` : ''}`;
  return {
    tls: t.verified ? 'verified' : 'unverified',
    protocol: 'https',
    evidence: [`TLS probe of ${t.endpoint}: ${negotiated ? `${negotiated}, ` : ''}${what}`],
  };
}

export function clientEdges(inv: Inventory, clientsId: string, targets: readonly ApiTarget[]): Edge[] {
  const tls = clientTls(inv);
  return targets.map((t) => {
    const auth = anonymous(inv, t.inst);
    return makeEdge('client', clientsId, t.id, 'API clients', { ...tls, ...auth, evidence: [...tls.evidence, ...auth.evidence] });
  });
}

/** Which stacked etcd members an endpoint names: loopback → same node; else node address or etcd URL flags. */
function matchEtcd(host: string, hostPort: string, api: CpInstance, etcds: readonly CpInstance[], nodes: ReadonlyMap<string, NodeInfo>): CpInstance[] {
  if (isLoopback(host)) return etcds.filter((e) => e.nodeName !== undefined && e.nodeName === api.nodeName);
  return etcds.filter((e) => {
    const node = e.nodeName ? nodes.get(e.nodeName) : undefined;
    if (node?.addresses.some((a) => a.address === host) || e.nodeName === host) return true;
    const urls = [e.flags['advertise-client-urls'], e.flags['listen-client-urls']].join(',');
    return parseEndpoints(urls).some((u) => u.hostPort === hostPort);
  });
}

function etcdAttrs(api: CpInstance, scheme: string | undefined, etcd: CpInstance | undefined, endpointText: string): EdgeAttrs {
  const src = refText(api.source);
  const f = api.flags;
  const evidence = [`${src} · --etcd-servers=${endpointText}`];
  if (scheme === 'http') return { protocol: 'http', tls: 'none', auth: 'none', evidence: [...evidence, 'plain HTTP: no TLS, no client certificate'] };
  if (scheme !== 'https') return { tls: 'unknown', auth: 'unknown', evidence };
  const tls = f['etcd-cafile'] ? 'verified' : 'unknown';
  evidence.push(f['etcd-cafile'] ? `${src} · --etcd-cafile=${f['etcd-cafile']}` : `${src} · --etcd-cafile not set`);
  if (!(f['etcd-certfile'] && f['etcd-keyfile'])) {
    return { protocol: 'https', tls, auth: 'none', evidence: [...evidence, `${src} · --etcd-certfile/--etcd-keyfile not set: no client certificate`] };
  }
  evidence.push(`${src} · --etcd-certfile + --etcd-keyfile set`);
  if (!etcd) return { protocol: 'https', tls, auth: 'unknown', evidence: [...evidence, "external etcd: its --client-cert-auth is not visible"] };
  const cca = etcd.flags['client-cert-auth'];
  const etcdSrc = `${refText(etcd.source)} · --client-cert-auth=${cca ?? '(not set, default false)'}`;
  // Without --client-cert-auth etcd accepts any client: the certificate is presented, not required.
  return { protocol: 'https', tls, auth: cca?.toLowerCase() === 'true' ? 'client-cert' : 'none', evidence: [...evidence, etcdSrc] };
}

export function etcdEdges(
  apis: readonly CpInstance[],
  stacked: readonly CpInstance[],
  external: boolean,
  nodes: ReadonlyMap<string, NodeInfo>,
): Edge[] {
  const out: Edge[] = [];
  for (const api of apis) {
    const text = api.flags['etcd-servers'] ?? '(not set)';
    const endpoints = parseEndpoints(api.flags['etcd-servers']);
    if (external) {
      for (const ep of endpoints) out.push(makeEdge('storage', api.id, externalEtcdId(ep.url), 'etcd client', etcdAttrs(api, ep.scheme, undefined, text)));
      continue;
    }
    const targets = new Map<string, { etcd: CpInstance; scheme?: string; note?: string }>();
    for (const ep of endpoints) {
      for (const etcd of matchEtcd(ep.host, ep.hostPort, api, stacked, nodes)) {
        if (!targets.has(etcd.id)) targets.set(etcd.id, { etcd, scheme: ep.scheme });
      }
    }
    if (targets.size === 0) {
      // Endpoints we cannot place (a load balancer, a DNS name): link every visible member, and say so.
      const note = endpoints.length > 0 ? 'endpoint not matched to an etcd pod: linked to every visible member' : undefined;
      for (const etcd of stacked) targets.set(etcd.id, note ? { etcd, scheme: endpoints[0]?.scheme, note } : { etcd });
    }
    for (const { etcd, scheme, note } of targets.values()) {
      const a = etcdAttrs(api, scheme, etcd, text);
      if (note) a.evidence.push(note);
      out.push(makeEdge('storage', api.id, etcd.id, 'etcd client', a));
    }
  }
  return out;
}

/** kube-scheduler / kube-controller-manager / CCM connect with a kubeconfig, or in-cluster credentials. */
function controllerAttrs(inst: CpInstance): EdgeAttrs {
  const src = refText(inst.source);
  const f = inst.flags;
  const kubeconfig = f['kubeconfig'];
  if (kubeconfig) {
    return {
      protocol: 'https',
      tls: 'verified',
      auth: 'client-cert',
      evidence: [
        `${src} · --kubeconfig=${kubeconfig}`,
        'assumed from convention (kubeadm, RKE2, kops): control-plane kubeconfigs carry the cluster CA and a client certificate; the file is not visible',
      ],
    };
  }
  const master = f['master'];
  if (master?.startsWith('http://')) return { protocol: 'http', tls: 'none', auth: 'none', evidence: [`${src} · --master=${master}: plain HTTP`] };
  if (master) return { protocol: 'https', tls: 'unknown', auth: 'unknown', evidence: [`${src} · --master=${master}, no --kubeconfig`] };
  const mirror = inst.pod && 'kubernetes.io/config.mirror' in inst.pod.meta.annotations;
  if (mirror) return { tls: 'unknown', auth: 'unknown', evidence: [`${src} · static pod without --kubeconfig or --master`] };
  return {
    protocol: 'https',
    tls: 'verified',
    auth: 'token',
    evidence: [`${src} · no --kubeconfig: in-cluster service-account token and cluster CA`],
  };
}

const CONTROLLER_LABEL: Record<string, string> = {
  'kube-scheduler': 'scheduler → API',
  'kube-controller-manager': 'controller-manager → API',
  'cloud-controller-manager': 'cloud-controller-manager → API',
};

export function controllerEdges(instances: readonly CpInstance[], targets: readonly ApiTarget[]): Edge[] {
  const out: Edge[] = [];
  for (const inst of instances) {
    const label = CONTROLLER_LABEL[inst.type];
    if (!label) continue;
    // kubeadm points each controller at the API server on its own node.
    const local = targets.filter((t) => t.inst?.nodeName !== undefined && t.inst.nodeName === inst.nodeName);
    const attrs = controllerAttrs(inst);
    for (const t of local.length > 0 ? local : targets) out.push(makeEdge('api', inst.id, t.id, label, attrs));
  }
  return out;
}
