/**
 * scan() against the real local control plane (started by the test command): architecture,
 * partial RBAC, classified failures, redaction and the request budget.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_MARKERS } from '../../e2e/cluster/markers';
import { clusterFor } from '../../e2e/cluster/testing';
import { ClusterError } from '../k8s/errors';
import { LISTS } from '../k8s/kinds';
import { scan } from './scan';
import type { Posture } from './types';

const cache = new Map<string, Promise<Posture>>();
function scanOf(profile: 'weak' | 'hardened' | 'managed', kubeconfig?: string): Promise<Posture> {
  const c = clusterFor(profile);
  const file = kubeconfig ?? c.admin;
  const hit = cache.get(file) ?? scan({ kubeconfig: file });
  cache.set(file, hit);
  return hit;
}

const ids = (p: Posture, type: string) => p.architecture.components.filter((c) => c.type === type).map((c) => c.id).sort();

describe('architecture of the local profiles', () => {
  it('weak: stacked control plane on cp-1, 4 nodes with their parts, add-ons, plaintext etcd', async () => {
    const p = await scanOf('weak');
    expect(p.cluster.version).toBe('v1.37.2');
    expect(p.cluster.managed).toBe(false);
    expect(ids(p, 'kube-apiserver')).toEqual(['control-plane/kube-apiserver/cp-1']);
    expect(ids(p, 'etcd')).toEqual(['control-plane/etcd/cp-1']);
    expect(ids(p, 'kube-scheduler')).toEqual(['control-plane/kube-scheduler/cp-1']);
    expect(ids(p, 'kube-controller-manager')).toEqual(['control-plane/kube-controller-manager/cp-1']);
    expect(ids(p, 'node')).toEqual(['node/cp-1', 'node/worker-1', 'node/worker-2', 'node/worker-3']);
    expect(ids(p, 'kubelet')).toHaveLength(4);
    expect(ids(p, 'kube-proxy')).toHaveLength(4);
    const runtime = p.architecture.components.find((c) => c.id === 'node/worker-3/container-runtime');
    expect(runtime?.version).toContain('1.4.11');
    expect(p.architecture.components.find((c) => c.id === 'node/worker-2/kubelet')?.version).toBe('v1.33.4');
    const apiserver = p.architecture.components.find((c) => c.type === 'kube-apiserver');
    expect(apiserver?.flags?.['anonymous-auth']).toBe('true');
    expect(ids(p, 'dns')).toEqual(['addon/coredns']);
    expect(ids(p, 'dashboard')).toEqual(['addon/kubernetes-dashboard']);
    expect(ids(p, 'cni').length).toBe(1);
    const etcdEdge = p.architecture.edges.find((e) => e.kind === 'storage');
    expect(etcdEdge?.protocol).toBe('http');
    expect(etcdEdge?.tls).toBe('none');
    const clientEdge = p.architecture.edges.find((e) => e.from === 'clients');
    expect(clientEdge?.auth).toBe('anonymous-allowed');
  });

  it('hardened: etcd over mutual TLS, verified kubelet connections, anonymous rejected', async () => {
    const p = await scanOf('hardened');
    const etcdEdge = p.architecture.edges.find((e) => e.kind === 'storage');
    expect(etcdEdge?.protocol).toBe('https');
    expect(etcdEdge?.auth).toBe('client-cert');
    const kubeletEdges = p.architecture.edges.filter((e) => e.kind === 'kubelet-api');
    expect(kubeletEdges.length).toBeGreaterThanOrEqual(4);
    for (const e of kubeletEdges) expect(e.tls).toBe('verified');
    expect(p.architecture.edges.find((e) => e.from === 'clients')?.auth).not.toBe('anonymous-allowed');
  });

  it('managed: provider-managed control plane detected as EKS, workers and add-ons visible', async () => {
    const p = await scanOf('managed');
    expect(p.cluster.managed).toBe(true);
    expect(p.cluster.provider).toBe('EKS');
    expect(ids(p, 'provider-managed')).toEqual(['control-plane/provider-managed']);
    expect(ids(p, 'kube-apiserver')).toEqual([]);
    expect(ids(p, 'node')).toHaveLength(3);
    expect(ids(p, 'dns')).toEqual(['addon/coredns']);
  });
});

describe('partial rights are normal', () => {
  it('restricted.kubeconfig yields a partial posture with forbidden CollectionIssues, not an error', async () => {
    const c = clusterFor('weak');
    const p = await scanOf('weak', c.restricted);
    const forbidden = p.issues.filter((i) => i.reason === 'forbidden').map((i) => i.kind);
    for (const kind of ['Node', 'Pod', 'ClusterRoleBinding', 'RoleBinding', 'Namespace']) expect(forbidden).toContain(kind);
    expect(p.issues.find((i) => i.kind === 'RoleBinding')?.message).toMatch(/cannot list rolebindings/);
    expect(p.summary.unreadableKinds).toContain('Pod');
    // Not being able to see the control plane does not make the cluster "managed".
    expect(p.cluster.managed).toBe(false);
    expect(p.cluster.controlPlaneHidden).toMatch(/pods could not be listed/);
    // Checks that need what could not be read say so instead of passing.
    const rbac = p.findings.filter((f) => f.checkId === 'rbac-cluster-admin-bindings');
    expect(rbac.length).toBeGreaterThan(0);
    expect(rbac.every((f) => f.status === 'unknown')).toBe(true);
  });
});

describe('failures are classified, each with its own clear error', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kp-kubeconfig-'));
  const weak = clusterFor('weak');
  const kubeconfig = (name: string, server: string, ca: string, user: string) => {
    const file = join(dir, name);
    writeFileSync(file, `apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster:\n    server: ${server}\n    certificate-authority-data: ${ca}\nusers:\n- name: u\n  user:\n${user}\ncontexts:\n- name: ctx\n  context: {cluster: c, user: u}\ncurrent-context: ctx\n`);
    return file;
  };
  const ca = readFileSync(weak.caFile).toString('base64');

  async function errorOf(file: string): Promise<ClusterError> {
    const e = await scan({ kubeconfig: file, settings: { requestTimeoutMs: 5000 } }).then(() => undefined, (err: unknown) => err);
    expect(e).toBeInstanceOf(ClusterError);
    return e as ClusterError;
  }

  it('a stopped API server (nothing listening) is unreachable, naming the endpoint', async () => {
    const e = await errorOf(kubeconfig('stopped', 'https://127.0.0.1:9', ca, '    token: x'));
    expect(e.code).toBe('unreachable');
    expect(e.message).toContain('https://127.0.0.1:9');
    expect(e.message).toMatch(/connection refused/);
  });

  it('a wrong CA is unreachable with a trust message', async () => {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'other.key'), '-out', join(dir, 'other.crt'), '-subj', '/CN=other-ca', '-days', '1'], { stdio: 'ignore' });
    const other = readFileSync(join(dir, 'other.crt')).toString('base64');
    const e = await errorOf(kubeconfig('wrong-ca', weak.server, other, '    token: x'));
    expect(e.code).toBe('unreachable');
    expect(e.message).toMatch(/does not trust/);
  });

  it('an invalid token is unauthorized', async () => {
    const e = await errorOf(kubeconfig('bad-token', weak.server, ca, '    token: not-a-real-token'));
    expect(e.code).toBe('unauthorized');
    expect(e.message).toMatch(/401/);
  });

  it('a malformed kubeconfig is invalid-input naming the file', async () => {
    const file = join(dir, 'malformed');
    writeFileSync(file, 'apiVersion: v1\nclusters: [\n  - {name: broken\n');
    const e = await errorOf(file);
    expect(e.code).toBe('invalid-input');
    expect(e.message).toContain(file);
  });

  it('an unknown context is invalid-input listing the known ones', async () => {
    const e = await scan({ kubeconfig: weak.admin, context: 'nope' }).then(() => undefined, (err: unknown) => err as ClusterError);
    expect(e?.code).toBe('invalid-input');
    expect(e?.message).toMatch(/Known contexts/);
  });
});

describe('redaction and budget', () => {
  it.each(['weak', 'hardened', 'managed'] as const)('%s: planted marker values never appear in the posture', async (profile) => {
    const text = JSON.stringify(await scanOf(profile));
    for (const m of ALL_MARKERS) expect(text).not.toContain(m);
  });

  it('hardened: requests per scan stay within 25 + ⌈pods/500⌉ + ⌈nodes/500⌉ + other kinds\' pages, no URL read twice (audit log)', async () => {
    const c = clusterFor('hardened');
    const auditFile = join(c.stateDir, 'audit', 'audit.log');
    const before = readFileSync(auditFile, 'utf8').length;
    const p = await scan({ kubeconfig: c.admin });
    await new Promise((r) => setTimeout(r, 1500)); // the audit backend writes asynchronously
    const events = readFileSync(auditFile, 'utf8')
      .slice(before)
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { stage: string; userAgent?: string; requestURI: string; verb: string })
      .filter((e) => e.stage === 'ResponseComplete' && e.userAgent === 'kube-posture');
    const budget = 25 + Math.ceil(p.summary.pods / 500) + Math.ceil(p.summary.nodes / 500) + LISTS.length + 2;
    expect(events.length).toBeGreaterThan(LISTS.length);
    expect(events.length).toBeLessThanOrEqual(budget);
    expect(events.every((e) => ['get', 'list'].includes(e.verb))).toBe(true);
    const uris = events.map((e) => e.requestURI);
    expect(new Set(uris).size).toBe(uris.length);
    expect(p.stats.requests).toBeGreaterThanOrEqual(events.length);
  });
});

describe('real postures are valid snapshots', () => {
  it.each(['weak', 'hardened', 'managed', 'restricted'] as const)('%s: freeze → export → strict import round-trips', async (which) => {
    const { freezeSnapshot } = await import('../snapshots/freeze');
    const { exportJson } = await import('../snapshots/export/json');
    const { parseSnapshotFile } = await import('../snapshots/import');
    const posture = which === 'restricted' ? await scanOf('weak', clusterFor('weak').restricted) : await scanOf(which);
    const file = exportJson(freezeSnapshot(posture, { createdBy: 'integration-test', now: new Date() }));
    const parsed = parseSnapshotFile(file);
    expect(parsed.ok ? 'ok' : JSON.stringify(parsed.error)).toBe('ok');
  });
});
