import { describe, expect, it } from 'vitest';
import type { Architecture, Edge } from './architecture';
import { PER_NODE_EDGE_LIMIT, buildArchitecture } from './build-architecture';
import {
  configMap,
  controlPlaneNode,
  controlPlanePod,
  kubeProxyPod,
  node,
  shuffled,
  workload,
} from './build/testkit';
import { inventoryFromObjects } from './from-objects';
import { CLIENTS_ID, PROVIDER_MANAGED_ID, addonId, controlPlaneId, externalEtcdId, nodeId, nodeSubId } from './ids';
import type { CsrInfo, Inventory, TlsProbe } from './inventory';

const API = controlPlaneId('kube-apiserver', 'cp-1');
const ETCD = controlPlaneId('etcd', 'cp-1');

function edge(arch: Architecture, kind: Edge['kind'], from: string, to: string): Edge {
  const e = arch.edges.find((x) => x.kind === kind && x.from === from && x.to === to);
  if (!e) throw new Error(`no ${kind} edge ${from} -> ${to}; have ${arch.edges.map((x) => x.id).join(', ')}`);
  return e;
}

function component(arch: Architecture, id: string) {
  const c = arch.components.find((x) => x.id === id);
  if (!c) throw new Error(`no component ${id}; have ${arch.components.map((x) => x.id).join(', ')}`);
  return c;
}

function tls(verified: boolean): TlsProbe {
  return {
    endpoint: 'https://10.0.0.1:6443',
    protocol: 'TLSv1.3',
    cipher: 'TLS_AES_128_GCM_SHA256',
    legacyProtocols: [],
    weakCiphers: [],
    chain: [],
    verified,
    ...(verified ? {} : { verifyError: 'self-signed certificate' }),
  };
}

// A kubeadm-looking single control-plane node with every weakness switched on.
const weakObjects: unknown[] = [
  controlPlaneNode('cp-1', '10.0.0.1'),
  node('worker-1', { address: '10.0.0.2' }),
  controlPlanePod('kube-apiserver', 'cp-1', ['--etcd-servers=http://127.0.0.1:2379', '--authorization-mode=AlwaysAllow']),
  controlPlanePod('etcd', 'cp-1', ['--listen-client-urls=http://0.0.0.0:2379', '--advertise-client-urls=http://10.0.0.1:2379']),
  controlPlanePod('kube-scheduler', 'cp-1', ['--kubeconfig=/etc/kubernetes/scheduler.conf']),
  controlPlanePod('kube-controller-manager', 'cp-1', ['--master=http://127.0.0.1:8080']),
  kubeProxyPod('cp-1'),
  kubeProxyPod('worker-1'),
  configMap('kube-system', 'kube-proxy', { 'config.conf': 'kind: KubeProxyConfiguration\nmode: "ipvs" # fast\n' }),
  workload('Deployment', 'kube-system', 'coredns', ['registry.k8s.io/coredns/coredns:v1.11.3'], { 'k8s-app': 'kube-dns' }),
  workload('DaemonSet', 'kube-system', 'calico-node', ['docker.io/calico/node:v3.28.0']),
  workload('Deployment', 'kubernetes-dashboard', 'kubernetes-dashboard', ['kubernetesui/dashboard:v2.7.0']),
  workload('Deployment', 'ingress-nginx', 'ingress-nginx-controller', ['registry.k8s.io/ingress-nginx/controller:v1.11.2@sha256:abc']),
  workload('Deployment', 'kube-system', 'metrics-server', ['registry.k8s.io/metrics-server/metrics-server:v0.7.2']),
  workload('DaemonSet', 'kube-system', 'ebs-csi-node', ['public.ecr.aws/ebs-csi-driver/aws-ebs-csi-driver:v1.35.0', 'registry.k8s.io/sig-storage/csi-node-driver-registrar:v2.11.1']),
  workload('Deployment', 'shop', 'web', ['nginx:1.27']),
];

const weak = (): Inventory => inventoryFromObjects(weakObjects, { anonymous: { versionStatus: 200 }, tls: tls(false) });

describe('buildArchitecture: weak-looking kubeadm cluster', () => {
  const arch = buildArchitecture(weak());

  it('finds the stacked control plane with flags, version and facts', () => {
    expect(arch.controlPlane).toEqual({ managed: false });
    const api = component(arch, API);
    expect(api).toMatchObject({ type: 'kube-apiserver', layer: 'control-plane', nodeName: 'cp-1', version: 'v1.31.2' });
    expect(api.flags).toEqual({ 'etcd-servers': 'http://127.0.0.1:2379', 'authorization-mode': 'AlwaysAllow' });
    expect(api.facts).toMatchObject({ node: 'cp-1', pod: 'kube-apiserver-cp-1', staticPod: true, ready: true });
    expect(api.objects).toEqual([{ kind: 'Pod', namespace: 'kube-system', name: 'kube-apiserver-cp-1' }]);
    for (const t of ['etcd', 'kube-scheduler', 'kube-controller-manager'] as const) {
      expect(component(arch, controlPlaneId(t, 'cp-1')).type).toBe(t);
    }
  });

  it('marks clients → API as unverified TLS with anonymous access', () => {
    const e = edge(arch, 'client', CLIENTS_ID, API);
    expect(e).toMatchObject({ tls: 'unverified', auth: 'anonymous-allowed', protocol: 'https' });
    expect(e.evidence.join(' ')).toContain('self-signed certificate');
    expect(e.evidence).toContain('anonymous GET /version → 200');
  });

  it('marks API → etcd as plain HTTP without client auth', () => {
    const e = edge(arch, 'storage', API, ETCD);
    expect(e).toMatchObject({ protocol: 'http', tls: 'none', auth: 'none' });
    expect(e.evidence[0]).toBe('Pod kube-system/kube-apiserver-cp-1 · --etcd-servers=http://127.0.0.1:2379');
  });

  it('reads controller connections from --kubeconfig / --master', () => {
    expect(edge(arch, 'api', controlPlaneId('kube-scheduler', 'cp-1'), API)).toMatchObject({ tls: 'verified', auth: 'client-cert' });
    expect(edge(arch, 'api', controlPlaneId('kube-controller-manager', 'cp-1'), API)).toMatchObject({ protocol: 'http', tls: 'none', auth: 'none' });
  });

  it('marks API → kubelet unverified and unauthenticated, per node', () => {
    for (const n of ['cp-1', 'worker-1']) {
      expect(edge(arch, 'kubelet-api', API, nodeSubId(n, 'kubelet'))).toMatchObject({ tls: 'unverified', auth: 'none' });
      expect(edge(arch, 'api', nodeSubId(n, 'kubelet'), API)).toMatchObject({ tls: 'unknown', auth: 'unknown' });
      expect(edge(arch, 'api', nodeSubId(n, 'kube-proxy'), API)).toMatchObject({ tls: 'verified', auth: 'token' });
      expect(edge(arch, 'runtime', nodeSubId(n, 'kubelet'), nodeSubId(n, 'container-runtime'))).toMatchObject({ protocol: 'unix' });
    }
  });

  it('describes nodes and their sub-components', () => {
    expect(component(arch, nodeId('worker-1'))).toMatchObject({
      type: 'node',
      layer: 'nodes',
      version: 'v1.31.2',
      facts: { role: 'worker', runtime: 'containerd', runtimeVersion: '2.1.4', cpu: '4', memory: '16Gi', maxPods: '110', pods: 1, ready: true },
    });
    expect(component(arch, nodeId('cp-1')).facts['role']).toBe('control-plane');
    expect(component(arch, nodeSubId('cp-1', 'container-runtime'))).toMatchObject({ name: 'containerd', version: '2.1.4', parentId: nodeId('cp-1') });
    expect(component(arch, nodeSubId('worker-1', 'kube-proxy'))).toMatchObject({
      version: 'v1.31.2',
      facts: { mode: 'ipvs', modeSource: 'ConfigMap kube-system/kube-proxy config.conf mode' },
    });
  });

  it('detects add-ons by name, labels and images', () => {
    const addons = arch.components.filter((c) => c.layer === 'addons').map((c) => [c.id, c.type, c.version]);
    expect(addons).toEqual([
      [addonId('calico-node'), 'cni', 'v3.28.0'],
      [addonId('coredns'), 'dns', 'v1.11.3'],
      [addonId('ebs-csi-node'), 'csi-driver', 'v1.35.0'],
      [addonId('ingress-nginx-controller'), 'ingress-controller', 'v1.11.2'],
      [addonId('kubernetes-dashboard'), 'dashboard', 'v2.7.0'],
      [addonId('metrics-server'), 'metrics-server', 'v0.7.2'],
    ]);
    expect(component(arch, addonId('coredns')).facts).toMatchObject({ namespace: 'kube-system', kind: 'Deployment', replicas: 2 });
  });

  it('groups nodes by role, pool and zone', () => {
    expect(arch.nodeGroups).toEqual([
      { id: 'nodegroup/control-plane/-/-', label: 'control-plane', role: 'control-plane', nodeNames: ['cp-1'] },
      { id: 'nodegroup/worker/-/-', label: 'workers', role: 'worker', nodeNames: ['worker-1'] },
    ]);
  });

  it('has one cluster and one clients component, and unique sorted ids', () => {
    const ids = arch.components.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    expect(ids).toContain('cluster');
    expect(arch.edges.every((e) => ids.includes(e.from) && ids.includes(e.to))).toBe(true);
  });
});

describe('buildArchitecture: hardened-looking HA cluster', () => {
  const pki = '/etc/kubernetes/pki';
  const cps = ['cp-1', 'cp-2', 'cp-3'];
  const objects: unknown[] = [
    ...cps.map((n, i) => controlPlaneNode(n, `10.0.0.${i + 1}`)),
    node('worker-1', { address: '10.0.1.1', labels: { 'topology.kubernetes.io/zone': 'z1' } }),
    ...cps.map((n) =>
      controlPlanePod('kube-apiserver', n, [
        '--anonymous-auth=false',
        '--etcd-servers=https://127.0.0.1:2379',
        `--etcd-cafile=${pki}/etcd/ca.crt`,
        `--etcd-certfile=${pki}/apiserver-etcd-client.crt`,
        `--etcd-keyfile=${pki}/apiserver-etcd-client.key`,
        `--kubelet-certificate-authority=${pki}/ca.crt`,
        `--kubelet-client-certificate=${pki}/apiserver-kubelet-client.crt`,
        `--kubelet-client-key=${pki}/apiserver-kubelet-client.key`,
      ]),
    ),
    ...cps.map((n) => controlPlanePod('etcd', n, ['--client-cert-auth=true', `--cert-file=${pki}/etcd/server.crt`, `--key-file=${pki}/etcd/server.key`])),
  ];
  const csr: CsrInfo = {
    meta: { name: 'csr-w1', labels: {}, annotations: {} },
    signerName: 'kubernetes.io/kube-apiserver-client-kubelet',
    groups: [],
    usages: ['client auth'],
    requestedOrganizations: ['system:nodes'],
    requestedCommonName: 'system:node:worker-1',
    conditions: [{ type: 'Approved', status: 'True' }],
    issued: true,
  };
  const arch = buildArchitecture(inventoryFromObjects(objects, { anonymous: { versionStatus: 401, apiStatus: 401 }, tls: tls(true), csrs: [csr] }));

  it('verifies TLS and rejects anonymous clients', () => {
    const e = edge(arch, 'client', CLIENTS_ID, API);
    expect(e).toMatchObject({ tls: 'verified', auth: 'unknown' });
    expect(e.evidence.join(' ')).toContain('anonymous requests rejected');
  });

  it('links each API server to its local etcd over mutual TLS', () => {
    for (const n of cps) {
      const e = edge(arch, 'storage', controlPlaneId('kube-apiserver', n), controlPlaneId('etcd', n));
      expect(e).toMatchObject({ protocol: 'https', tls: 'verified', auth: 'client-cert' });
    }
    expect(arch.edges.filter((e) => e.kind === 'storage')).toHaveLength(3);
  });

  it('verifies kubelets and authenticates to them; kubelet certs come from CSRs', () => {
    expect(edge(arch, 'kubelet-api', API, nodeSubId('worker-1', 'kubelet'))).toMatchObject({ tls: 'verified', auth: 'client-cert' });
    expect(edge(arch, 'api', nodeSubId('worker-1', 'kubelet'), API).auth).toBe('client-cert');
    expect(edge(arch, 'api', nodeSubId('cp-1', 'kubelet'), API).auth).toBe('unknown');
  });

  it('draws no kube-proxy where none runs', () => {
    expect(arch.components.some((c) => c.type === 'kube-proxy')).toBe(false);
  });
});

describe('buildArchitecture: managed control planes', () => {
  const coredns = workload('Deployment', 'kube-system', 'coredns', ['602401143452.dkr.ecr.eu-west-1.amazonaws.com/eks/coredns:v1.11.3-eksbuild.1']);

  it('detects EKS from node-group labels', () => {
    const inv = inventoryFromObjects(
      [
        node('ip-10-0-1-5.ec2.internal', { labels: { 'eks.amazonaws.com/nodegroup': 'general', 'topology.kubernetes.io/zone': 'eu-west-1a' }, providerID: 'aws:///eu-west-1a/i-1', kubeletVersion: 'v1.30.4-eks-a737599' }),
        workload('DaemonSet', 'kube-system', 'aws-node', ['602401143452.dkr.ecr.eu-west-1.amazonaws.com/amazon-k8s-cni:v1.18.3']),
        coredns,
      ],
      { version: { gitVersion: 'v1.30.4-eks-a737599' } },
    );
    const arch = buildArchitecture(inv);
    expect(arch.controlPlane).toEqual({ managed: true, provider: 'EKS', providerEvidence: 'Node ip-10-0-1-5.ec2.internal has label eks.amazonaws.com/nodegroup' });
    expect(component(arch, PROVIDER_MANAGED_ID)).toMatchObject({ type: 'provider-managed', name: 'EKS control plane', version: 'v1.30.4-eks-a737599' });
    expect(component(arch, addonId('aws-node')).type).toBe('cni');
    expect(edge(arch, 'client', CLIENTS_ID, PROVIDER_MANAGED_ID).auth).toBe('unknown');
    expect(edge(arch, 'kubelet-api', PROVIDER_MANAGED_ID, nodeSubId('ip-10-0-1-5.ec2.internal', 'kubelet'))).toMatchObject({ tls: 'unknown', auth: 'unknown' });
    expect(arch.nodeGroups.map((g) => g.id)).toEqual(['nodegroup/worker/general/eu-west-1a']);
    expect(arch.components.some((c) => c.type === 'kube-apiserver')).toBe(false);
  });

  it('detects GKE from the version suffix before the providerID', () => {
    const arch = buildArchitecture(inventoryFromObjects([node('gke-n1', { providerID: 'gce://proj/europe-west1-b/gke-n1' })], { version: { gitVersion: 'v1.30.5-gke.1014001' } }));
    expect(arch.controlPlane).toMatchObject({ provider: 'GKE', providerEvidence: '/version gitVersion v1.30.5-gke.1014001' });
  });

  it('detects AKS from the providerID', () => {
    const arch = buildArchitecture(inventoryFromObjects([node('aks-n1', { providerID: 'azure:///subscriptions/x/resourceGroups/y/providers/Microsoft.Compute/virtualMachineScaleSets/z/virtualMachines/0' })]));
    expect(arch.controlPlane.provider).toBe('AKS');
    expect(arch.controlPlane.providerEvidence).toMatch(/^Node aks-n1 spec.providerID azure:/);
  });

  it('says unknown, and why, when nothing identifies the provider', () => {
    const arch = buildArchitecture(
      inventoryFromObjects([node('n1')], { issues: [{ kind: 'Pod', verb: 'list', namespace: 'kube-system', reason: 'forbidden', message: 'no' }] }),
    );
    expect(arch.controlPlane).toEqual({
      managed: true,
      provider: 'unknown',
      providerEvidence: 'no provider-specific node label, version suffix or providerID; pods in kube-system could not be listed (forbidden)',
    });
    expect(component(arch, PROVIDER_MANAGED_ID).name).toBe('Control plane (not visible)');
  });
});

describe('buildArchitecture: external etcd', () => {
  const arch = buildArchitecture(
    inventoryFromObjects([
      controlPlaneNode('cp-1', '10.0.0.1'),
      controlPlanePod('kube-apiserver', 'cp-1', [
        '--etcd-servers=https://10.0.0.11:2379,https://10.0.0.10:2379',
        '--etcd-cafile=/pki/etcd-ca.crt',
        '--etcd-certfile=/pki/etcd-client.crt',
        '--etcd-keyfile=/pki/etcd-client.key',
      ]),
    ]),
  );

  it('models each --etcd-servers endpoint as an external member', () => {
    expect(arch.controlPlane).toEqual({ managed: false, externalEtcd: ['https://10.0.0.10:2379', 'https://10.0.0.11:2379'] });
    const ids = [externalEtcdId('https://10.0.0.10:2379'), externalEtcdId('https://10.0.0.11:2379')];
    for (const id of ids) {
      expect(component(arch, id)).toMatchObject({ type: 'etcd', layer: 'control-plane', facts: { external: true, scheme: 'https' } });
      // etcd's own --client-cert-auth is invisible: the apiserver presents a cert, enforcement is unknown.
      expect(edge(arch, 'storage', API, id)).toMatchObject({ protocol: 'https', tls: 'verified', auth: 'unknown' });
    }
  });
});

/** A synthetic cluster: 1 control-plane node + `workers` nodes over 3 pools × 3 zones, kube-proxy via its DaemonSet. */
function syntheticCluster(workers: number): unknown[] {
  const objects: unknown[] = [
    controlPlaneNode('cp-1', '10.0.0.1'),
    controlPlanePod('kube-apiserver', 'cp-1', ['--etcd-servers=https://127.0.0.1:2379', '--kubelet-certificate-authority=/pki/ca.crt']),
    controlPlanePod('etcd', 'cp-1', ['--client-cert-auth=true']),
    workload('DaemonSet', 'kube-system', 'kube-proxy', ['registry.k8s.io/kube-proxy:v1.31.2'], { 'k8s-app': 'kube-proxy' }),
  ];
  for (let i = 0; i < workers; i++) {
    const labels = { 'karpenter.sh/nodepool': `pool-${i % 3}`, 'topology.kubernetes.io/zone': `zone-${Math.floor(i / 3) % 3}` };
    objects.push(node(`worker-${String(i).padStart(5, '0')}`, { labels, address: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` }));
  }
  return objects;
}

describe('buildArchitecture: scale', () => {
  it(`emits per-node edges up to ${PER_NODE_EDGE_LIMIT} nodes, grouped edges beyond`, () => {
    const small = buildArchitecture(inventoryFromObjects(syntheticCluster(PER_NODE_EDGE_LIMIT - 1)));
    expect(small.edges.some((e) => e.to.startsWith('nodegroup/'))).toBe(false);
    const big = buildArchitecture(inventoryFromObjects(syntheticCluster(PER_NODE_EDGE_LIMIT)));
    expect(big.edges.some((e) => e.kind === 'runtime')).toBe(false);
    expect(big.edges.some((e) => e.to.startsWith('nodegroup/'))).toBe(true);
  });

  it('handles 5,000 nodes with grouped edges', () => {
    const arch = buildArchitecture(inventoryFromObjects(syntheticCluster(5000)));
    expect(arch.components.filter((c) => c.type === 'node')).toHaveLength(5001);
    expect(arch.components.filter((c) => c.type === 'kube-proxy')).toHaveLength(5001);
    expect(arch.nodeGroups).toHaveLength(10); // control-plane + 3 pools × 3 zones
    expect(arch.nodeGroups.reduce((n, g) => n + g.nodeNames.length, 0)).toBe(5001);
    const group = 'nodegroup/worker/pool-0/zone-0';
    const down = edge(arch, 'kubelet-api', API, group);
    expect(down).toMatchObject({ tls: 'verified', auth: 'none' });
    expect(down.evidence[0]).toMatch(/^aggregated over \d+ nodes$/);
    const proxy = arch.edges.find((e) => e.id === `api:${group}->${API}#kube-proxy`);
    expect(proxy).toMatchObject({ tls: 'verified', auth: 'token' });
    // 10 groups × (API→kubelets, kubelets→API, kube-proxy→API) + client + storage.
    expect(arch.edges).toHaveLength(32);
  });
});

describe('buildArchitecture: determinism', () => {
  it('gives identical output for shuffled input', () => {
    const extras = { anonymous: { versionStatus: 200 }, tls: tls(false) };
    const a = JSON.stringify(buildArchitecture(inventoryFromObjects(weakObjects, extras)));
    for (const seed of [1, 7, 1234]) {
      expect(JSON.stringify(buildArchitecture(inventoryFromObjects(shuffled(weakObjects, seed), extras)))).toBe(a);
    }
    const big = syntheticCluster(250);
    expect(JSON.stringify(buildArchitecture(inventoryFromObjects(shuffled(big, 3))))).toBe(JSON.stringify(buildArchitecture(inventoryFromObjects(big))));
  });
});
