import { describe, expect, it } from 'vitest';
import { typeOfId } from '../model/ids';
import type { Posture } from '../posture/types';
import { anonymizePosture, makeAnonymizer, replaceNames } from './anonymize';
import { condense } from './compact/condense';
import { loadPosture } from './__fixtures__';
import { postureSchema } from './schema';

const KEY = new Uint8Array(32).fill(7);
const OTHER_KEY = new Uint8Array(32).fill(9);

/** `name` as a whole token: not next to a letter, digit, `.`, `-` or `_`. */
function survives(json: string, name: string): boolean {
  const esc = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![A-Za-z0-9_.-])${esc}(?![A-Za-z0-9_-]|\\.[A-Za-z0-9])`).test(json);
}

describe('replaceNames', () => {
  const map = new Map([
    ['cp-1', 'node-a'],
    ['team-a', 'ns-b'],
    ['kube-apiserver-cp-1', 'pod-c'],
  ]);
  it('replaces on boundaries only, longest first, in one pass', () => {
    expect(replaceNames('Pod kube-system/kube-apiserver-cp-1 on cp-1', map)).toBe('Pod kube-system/pod-c on node-a');
    expect(replaceNames('etcd-cp-1 cp-10 xcp-1 cp-1.', map)).toBe('etcd-node-a cp-10 xcp-1 node-a.');
    expect(replaceNames('system:serviceaccount:team-a:default', map)).toBe('system:serviceaccount:ns-b:default');
  });
});

describe('anonymizePosture on the weak cluster', () => {
  const original = loadPosture('weak');
  const anon = anonymizePosture(original, KEY);
  const json = JSON.stringify(anon);

  const identifying = [
    // context and endpoint
    'kp-weak', '127.0.0.1',
    // namespaces
    'legacy-app', 'team-a', 'kube-flannel', 'kubernetes-dashboard', 'kube-posture',
    // nodes
    'cp-1', 'worker-1', 'worker-2', 'worker-3',
    // workloads and pods
    'legacy-api', 'node-agent', 'kube-flannel-ds', 'debug-shell',
    // service accounts, groups, RBAC objects
    'legacy-runner', 'flannel', 'ops', 'ci', 'ops-everything', 'ci-deployer', 'default-sa-cluster-admin', 'app-admin', 'anonymous-pod-lister',
  ];

  it('leaves no identifying name anywhere in the serialized posture', () => {
    for (const name of identifying) expect(json.includes(name) && survives(json, name), name).toBe(false);
  });

  it('the names really were in the original', () => {
    const before = JSON.stringify(original);
    for (const name of identifying) expect(survives(before, name), name).toBe(true);
  });

  it('keeps Kubernetes’ own names and the model’s vocabulary', () => {
    for (const kept of ['kube-system', 'coredns', 'system:masters', 'cluster-admin', 'control-plane/kube-apiserver/', '/kubelet', 'addon/']) expect(json).toContain(kept);
  });

  it('is still a valid posture, with consistent ids', () => {
    expect(postureSchema.safeParse(anon).success).toBe(true);
    const ids = new Set(anon.architecture.components.map((c) => c.id));
    expect(ids.size).toBe(original.architecture.components.length);
    for (const e of anon.architecture.edges) expect(ids.has(e.from) && ids.has(e.to), e.id).toBe(true);
    for (const f of anon.findings) expect(ids.has(f.componentId), f.componentId).toBe(true);
    for (const id of Object.keys(anon.scores.byComponent)) expect(ids.has(id), id).toBe(true);
    for (const c of anon.architecture.components) if (!c.id.startsWith('addon/')) expect(typeOfId(c.id), c.id).toBe(c.type);
    const nodes = anon.architecture.components.filter((c) => c.type === 'node').map((c) => c.name);
    expect(anon.architecture.nodeGroups.flatMap((g) => g.nodeNames).sort()).toEqual(nodes.sort());
  });

  it('renames the components of counted passes like every other component id, and keeps their kinds', () => {
    const worker = original.architecture.components.find((c) => c.type === 'node' && c.name === 'worker-1');
    if (!worker) throw new Error('fixture changed');
    const counted = condense({ ...original, passCounts: [{ checkId: 'workload-privileged', title: 'No privileged containers', area: 'workloads', severity: 'high', componentId: worker.id, kind: 'Deployment', count: 4 }] });
    const a = anonymizePosture(counted, KEY);
    expect(a.passCounts).toEqual([{ ...counted.passCounts[0], componentId: anon.architecture.components[original.architecture.components.indexOf(worker)]?.id }]);
    expect(JSON.stringify(a.passCounts)).not.toContain('worker-1');
  });

  it('pseudonyms are stable within a snapshot and unlinkable across keys', () => {
    const a = makeAnonymizer(original, KEY);
    const b = makeAnonymizer(original, OTHER_KEY);
    expect(a.names.get('worker-1')).toMatch(/^node-[0-9a-f]{12}$/);
    expect(a.names.get('team-a')).toMatch(/^ns-[0-9a-f]{12}$/);
    expect(a.names.get('worker-1')).not.toBe(b.names.get('worker-1'));
    expect(anonymizePosture(original, KEY)).toEqual(anon);
    const w1 = a.names.get('worker-1') as string;
    expect(anon.architecture.components.some((c) => c.id === `node/${w1}/kubelet`)).toBe(true);
  });

  it('keeps scores, statuses and check ids', () => {
    expect(anon.scores.cluster).toEqual(original.scores.cluster);
    expect(anon.findings.map((f) => [f.checkId, f.status])).toEqual(original.findings.map((f) => [f.checkId, f.status]));
  });
});

describe('anonymizePosture on the managed cluster', () => {
  it('hides cloud node names (which embed private IPs and the region)', () => {
    const anon = JSON.stringify(anonymizePosture(loadPosture('managed'), KEY));
    expect(anon).not.toContain('compute.internal');
    expect(anon).not.toContain('ip-10-0-1-20');
    expect(anon).not.toContain('kp-managed');
  });
});

describe('anonymizePosture with names found only in text', () => {
  const base = loadPosture('hardened');
  const p: Posture = {
    ...base,
    cluster: { ...base.cluster, context: 'acme-prod-eu', server: 'https://k8s.acme.example:6443', user: 'alice@acme.example' },
    findings: [
      ...base.findings,
      {
        checkId: 'rbac-cluster-admin-bindings', title: 'x', area: 'authn-authz', severity: 'high', status: 'fail', componentId: 'cluster',
        object: { kind: 'ClusterRoleBinding', name: 'acme-breakglass' },
        message: 'ClusterRoleBinding acme-breakglass lets User bob@acme.example, Group acme-sre, ServiceAccount payments/deployer do anything cluster-wide through ClusterRole cluster-admin.',
        evidence: [{ expected: 'none', actual: 'system:serviceaccount:billing:invoicer', source: 'RoleBinding billing/invoicer-admin · subjects' }],
      },
      {
        checkId: 'external-exposure', title: 'x', area: 'network', severity: 'medium', status: 'fail', componentId: 'cluster',
        message: 'Ingress shop/web serves shop.acme-corp.de and api.acme-corp.de over plain HTTP; Service shop/lb is exposed on load balancer 203.0.113.7, 198.51.100.20.',
        evidence: [{ expected: 'TLS for every host', actual: 'image registry.acme-corp.de/shop/web:1.2 from registry.k8s.io/pause:3.10', source: 'Ingress shop/web · spec.tls · config.conf · 0.0.0.0:10249' }],
      },
    ],
  };
  const json = JSON.stringify(anonymizePosture(p, KEY));
  it.each(['acme', 'alice', 'bob', 'payments', 'deployer', 'billing', 'invoicer', 'breakglass', 'k8s.acme.example', '203.0.113.7', '198.51.100.20', 'shop/'])('no trace of %s', (name) => {
    expect(json).not.toContain(name);
  });

  it('keeps field paths, public registries and meaningful addresses', () => {
    for (const kept of ['spec.tls', 'config.conf', 'registry.k8s.io/pause:3.10', '0.0.0.0:10249']) expect(json).toContain(kept);
  });
});
