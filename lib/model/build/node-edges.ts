/**
 * Edges between the control plane and each node: API server → kubelet, kubelet → API server,
 * kube-proxy → API server, kubelet → container runtime.
 *
 * Scale: per-node edges grow as nodes × API servers × 3. Above PER_NODE_EDGE_LIMIT nodes the
 * builder emits one edge per node group instead (API server ↔ `nodegroup/…`), folding the
 * members' states with combine(); kubelet → runtime edges are dropped then, since they never
 * leave a node and say nothing at group level. Node components themselves are always emitted.
 */
import type { Edge, NodeGroup } from '../architecture';
import { nodeSubId } from '../ids';
import type { CsrInfo, Inventory } from '../inventory';
import { type ApiTarget, type EdgeAttrs, combine, makeEdge } from './edge';
import type { NodeView } from './nodes';
import { refText } from './util';

export const PER_NODE_EDGE_LIMIT = 200;

const KUBELET_CLIENT_SIGNER = 'kubernetes.io/kube-apiserver-client-kubelet';

/** Node name → an issued kubelet client-certificate CSR for it: evidence that the kubelet authenticates by certificate. */
export function kubeletClientCsrs(csrs: readonly CsrInfo[]): Map<string, string> {
  const out = new Map<string, string>();
  const sorted = [...csrs].sort((a, b) => (a.meta.name < b.meta.name ? -1 : a.meta.name > b.meta.name ? 1 : 0));
  for (const c of sorted) {
    const cn = c.requestedCommonName;
    if (c.signerName !== KUBELET_CLIENT_SIGNER || !c.issued || !cn?.startsWith('system:node:')) continue;
    const node = cn.slice('system:node:'.length);
    if (!out.has(node)) out.set(node, c.meta.name);
  }
  return out;
}

function apiToKubelet(t: ApiTarget): EdgeAttrs {
  if (!t.inst) return { protocol: 'https', tls: 'unknown', auth: 'unknown', evidence: ['managed control plane: API server flags not visible'] };
  const src = refText(t.inst.source);
  const f = t.inst.flags;
  const ca = f['kubelet-certificate-authority'];
  const cert = f['kubelet-client-certificate'];
  const key = f['kubelet-client-key'];
  return {
    protocol: 'https',
    tls: ca ? 'verified' : 'unverified',
    auth: cert && key ? 'client-cert' : 'none',
    evidence: [
      ca ? `${src} · --kubelet-certificate-authority=${ca}` : `${src} · --kubelet-certificate-authority not set: kubelet serving certificates are not verified`,
      cert && key ? `${src} · --kubelet-client-certificate + --kubelet-client-key set` : `${src} · --kubelet-client-certificate/--kubelet-client-key not set`,
    ],
  };
}

function kubeletToApi(node: string, csrs: ReadonlyMap<string, string>): EdgeAttrs {
  const csr = csrs.get(node);
  const evidence = ["the kubelet's kubeconfig is on the node (not visible through the API)"];
  if (csr) return { protocol: 'https', tls: 'unknown', auth: 'client-cert', evidence: [...evidence, `CertificateSigningRequest ${csr} (${KUBELET_CLIENT_SIGNER}) issued for system:node:${node}`] };
  return { protocol: 'https', tls: 'unknown', auth: 'unknown', evidence };
}

function kubeProxyToApi(v: NodeView): EdgeAttrs | undefined {
  const kp = v.kubeProxy;
  if (!kp) return undefined;
  const src = refText(kp.source);
  const kubeconfig = kp.flags['kubeconfig'];
  if (kubeconfig) return { protocol: 'https', tls: 'verified', auth: 'unknown', evidence: [`${src} · --kubeconfig=${kubeconfig} (contents not visible)`] };
  if (kp.staticPod) return { tls: 'unknown', auth: 'unknown', evidence: [`${src} · static pod without --kubeconfig`] };
  // kubeadm's kube-proxy kubeconfig.conf points at the pod's service-account token and CA.
  return { protocol: 'https', tls: 'verified', auth: 'token', evidence: [`${src} · service-account token and cluster CA (in-cluster)`] };
}

function runtimeAttrs(v: NodeView, inv: Inventory): EdgeAttrs {
  const evidence = [`Node ${v.name} status.nodeInfo.containerRuntimeVersion=${v.node.nodeInfo.containerRuntimeVersion ?? '(unknown)'}`];
  const endpoint = inv.kubeletConfigs?.[v.name]?.['containerRuntimeEndpoint'];
  if (typeof endpoint === 'string') evidence.push(`kubelet configz containerRuntimeEndpoint=${endpoint}`);
  return { protocol: 'unix', tls: 'none', auth: 'none', evidence };
}

export function perNodeEdges(views: readonly NodeView[], targets: readonly ApiTarget[], inv: Inventory): Edge[] {
  const csrs = kubeletClientCsrs(inv.csrs);
  const out: Edge[] = [];
  for (const v of views) {
    const kubelet = nodeSubId(v.name, 'kubelet');
    const up = kubeletToApi(v.name, csrs);
    const proxy = kubeProxyToApi(v);
    for (const t of targets) {
      out.push(makeEdge('kubelet-api', t.id, kubelet, 'kubelet API', apiToKubelet(t)));
      out.push(makeEdge('api', kubelet, t.id, 'kubelet → API', up));
      if (proxy) out.push(makeEdge('api', nodeSubId(v.name, 'kube-proxy'), t.id, 'kube-proxy → API', proxy));
    }
    out.push(makeEdge('runtime', kubelet, nodeSubId(v.name, 'container-runtime'), 'CRI', runtimeAttrs(v, inv)));
  }
  return out;
}

export function groupedNodeEdges(
  views: readonly NodeView[],
  groups: readonly NodeGroup[],
  targets: readonly ApiTarget[],
  inv: Inventory,
): Edge[] {
  const csrs = kubeletClientCsrs(inv.csrs);
  const byName = new Map(views.map((v) => [v.name, v]));
  const out: Edge[] = [];
  for (const g of groups) {
    const members = g.nodeNames.flatMap((n) => byName.get(n) ?? []);
    const up = combine(members.map((v) => kubeletToApi(v.name, csrs)), members.length);
    const proxies = members.flatMap((v) => kubeProxyToApi(v) ?? []);
    for (const t of targets) {
      const down = combine([apiToKubelet(t)], members.length);
      out.push(makeEdge('kubelet-api', t.id, g.id, 'kubelet API', down));
      out.push(makeEdge('api', g.id, t.id, 'kubelets → API', up, 'kubelet'));
      if (proxies.length > 0) out.push(makeEdge('api', g.id, t.id, 'kube-proxy → API', combine(proxies, proxies.length), 'kube-proxy'));
    }
  }
  return out;
}
