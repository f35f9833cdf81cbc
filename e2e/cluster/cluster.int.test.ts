/**
 * The local control plane is real: the processes run with the flags the API shows, and the
 * security differences between profiles are observable on the wire.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPid, cmdline } from './processes.ts';
import { PROFILES, type ProfileName } from './profiles.ts';
import { clusterFor, rawGet, readPem } from './testing.ts';

interface PodList {
  items: { metadata: { name: string; labels?: Record<string, string> }; spec: { nodeName?: string; containers: { command?: string[]; args?: string[] }[] }; status: { phase?: string } }[];
}
interface NodeList {
  items: { metadata: { name: string; labels: Record<string, string> }; spec: { taints?: { key: string; effect: string }[] }; status: { conditions: { type: string; status: string }[]; nodeInfo: { kubeletVersion: string; containerRuntimeVersion: string } } }[];
}

const CONTROL_PLANE = ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler'];

describe.each(PROFILES)('profile %s', (profile: ProfileName) => {
  const c = clusterFor(profile);

  it('has a Ready control-plane node (except managed) and at least 3 Ready workers with realistic nodeInfo', () => {
    const nodes = c.kubectl.json<NodeList>(['get', 'nodes']).items;
    const ready = nodes.filter((n) => n.status.conditions.some((x) => x.type === 'Ready' && x.status === 'True'));
    expect(ready.length).toBe(nodes.length);
    const cp = nodes.filter((n) => 'node-role.kubernetes.io/control-plane' in n.metadata.labels);
    if (profile === 'managed') {
      expect(cp).toHaveLength(0);
    } else {
      expect(cp.map((n) => n.metadata.name)).toEqual(['cp-1']);
      expect(cp[0]?.spec.taints).toContainEqual({ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' });
    }
    const workers = nodes.filter((n) => !('node-role.kubernetes.io/control-plane' in n.metadata.labels));
    expect(workers.length).toBeGreaterThanOrEqual(3);
    for (const n of nodes) {
      expect(n.status.nodeInfo.containerRuntimeVersion).toMatch(/^containerd:\/\/\d+\.\d+\.\d+/);
      expect(n.status.nodeInfo.kubeletVersion).toMatch(/^v1\.\d+\.\d+/);
    }
  });

  it('reports the real server version', () => {
    const v = JSON.parse(c.kubectl.run(['get', '--raw', '/version'])) as { gitVersion: string; major: string; minor: string };
    expect(v.gitVersion).toBe('v1.37.2');
    expect(v.minor).toBe('37');
  });

  it('runs the seeded add-ons', () => {
    const pods = c.kubectl.json<PodList>(['-n', 'kube-system', 'get', 'pods']).items;
    const notRunning = pods.filter((p) => p.status.phase !== 'Running');
    expect(notRunning.map((p) => p.metadata.name)).toEqual([]);
    expect(pods.some((p) => p.metadata.name.startsWith('coredns-'))).toBe(true);
    expect(pods.some((p) => p.metadata.name.startsWith('kube-proxy-'))).toBe(true);
    expect(c.kubectl.tryRun(['-n', 'kube-system', 'get', 'service', 'kube-dns', '-o', 'name'])).toBeDefined();
  });

  if (profile === 'managed') {
    it('shows no control-plane pods or kubeadm ConfigMaps', () => {
      const pods = c.kubectl.json<PodList>(['-n', 'kube-system', 'get', 'pods', '-l', 'tier=control-plane']).items;
      expect(pods).toHaveLength(0);
      expect(c.kubectl.tryRun(['-n', 'kube-system', 'get', 'configmap', 'kubeadm-config'])).toBeUndefined();
    });
    return;
  }

  it('shows the control plane as Running static pods on cp-1, with exactly the flags the processes run with', () => {
    const pods = c.kubectl.json<PodList>(['-n', 'kube-system', 'get', 'pods', '-l', 'tier=control-plane']).items;
    expect(pods.map((p) => p.metadata.labels?.component).sort()).toEqual([...CONTROL_PLANE].sort());
    for (const pod of pods) {
      const component = pod.metadata.labels?.component ?? '';
      expect(pod.status.phase).toBe('Running');
      expect(pod.spec.nodeName).toBe('cp-1');
      const pid = readPid(c.stateDir, component);
      expect(pid, `pid file of ${component}`).toBeDefined();
      const argv = cmdline(pid as number);
      const container = pod.spec.containers[0];
      expect(argv).toEqual([...(container?.command ?? []), ...(container?.args ?? [])]);
    }
  });

  it('keeps kubeadm-style ConfigMaps', () => {
    for (const name of ['kubeadm-config', 'kubelet-config', 'kube-proxy']) {
      expect(c.kubectl.tryRun(['-n', 'kube-system', 'get', 'configmap', name, '-o', 'name'])).toBe(`configmap/${name}\n`);
    }
  });
});

describe('security differences are real on the wire', () => {
  it('anonymous GET /version: 200 on weak and managed, 401 on hardened', async () => {
    for (const [profile, status] of [['weak', 200], ['managed', 200], ['hardened', 401]] as const) {
      const c = clusterFor(profile);
      const r = await rawGet(`${c.server}/version`, { ca: readPem(c.caFile) });
      expect(r.status, profile).toBe(status);
    }
  });

  it('anonymous users can list pods on weak, not on managed', async () => {
    const weak = clusterFor('weak');
    const r = await rawGet(`${weak.server}/api/v1/pods?limit=1`, { ca: readPem(weak.caFile) });
    expect(r.status).toBe(200);
    const managed = clusterFor('managed');
    const m = await rawGet(`${managed.server}/api/v1/pods?limit=1`, { ca: readPem(managed.caFile) });
    expect(m.status).toBe(403);
  });

  it('TLS 1.0 is accepted by weak and refused by hardened', async () => {
    const weak = clusterFor('weak');
    const legacy = { ca: readPem(weak.caFile), minVersion: 'TLSv1' as const, maxVersion: 'TLSv1' as const, ciphers: 'DEFAULT@SECLEVEL=0' };
    expect((await rawGet(`${weak.server}/version`, legacy)).status).toBe(200);
    const hardened = clusterFor('hardened');
    await expect(rawGet(`${hardened.server}/version`, { ...legacy, ca: readPem(hardened.caFile) })).rejects.toThrow();
  });

  it('etcd answers plain http without credentials on weak; hardened requires TLS client certificates', async () => {
    const weak = clusterFor('weak');
    const res = await fetch(`http://127.0.0.1:${weak.ports.etcdClient}/health`);
    expect(res.status).toBe(200);
    const hardened = clusterFor('hardened');
    await expect(fetch(`http://127.0.0.1:${hardened.ports.etcdClient}/health`)).rejects.toThrow();
    // TLS without a client certificate is refused at the handshake or answered 401.
    const noCert = await rawGet(`https://127.0.0.1:${hardened.ports.etcdClient}/health`, { ca: readPem(join(hardened.pki, 'etcd-ca.crt')) }).catch((e: Error) => e);
    expect(noCert instanceof Error || noCert.status >= 400).toBe(true);
    const withCert = await rawGet(`https://127.0.0.1:${hardened.ports.etcdClient}/health`, {
      ca: readPem(join(hardened.pki, 'etcd-ca.crt')),
      cert: readPem(join(hardened.pki, 'etcd-healthcheck-client.crt')),
      key: readPem(join(hardened.pki, 'etcd-healthcheck-client.key')),
    });
    expect(withCert.status).toBe(200);
  });

  it('the apiserver talks to etcd the way its flags say', () => {
    const weakFlags = readFileSync(join(clusterFor('weak').stateDir, 'manifests', 'kube-apiserver.yaml'), 'utf8');
    expect(weakFlags).toMatch(/--etcd-servers=http:\/\//);
    const hardenedFlags = readFileSync(join(clusterFor('hardened').stateDir, 'manifests', 'kube-apiserver.yaml'), 'utf8');
    expect(hardenedFlags).toMatch(/--etcd-servers=https:\/\//);
    expect(hardenedFlags).toMatch(/--etcd-certfile=/);
  });
});

describe('the three kubeconfigs have the intended rights', () => {
  const canI = (kubeconfig: string, c: ReturnType<typeof clusterFor>, ...args: string[]) => {
    try {
      execFileSync(join(c.binDir, 'kubectl'), ['--kubeconfig', kubeconfig, 'auth', 'can-i', ...args], { stdio: 'pipe' });
      return true;
    } catch {
      return false;
    }
  };

  it.each(PROFILES)('%s: admin can do anything; viewer only reads, never Secrets; restricted reads team-a only', (profile) => {
    const c = clusterFor(profile);
    expect(canI(c.admin, c, '*', '*', '--all-namespaces')).toBe(true);

    expect(canI(c.viewer, c, 'list', 'pods', '--all-namespaces')).toBe(true);
    expect(canI(c.viewer, c, 'list', 'clusterrolebindings')).toBe(true);
    expect(canI(c.viewer, c, 'get', 'secrets', '--all-namespaces')).toBe(false);
    expect(canI(c.viewer, c, 'create', 'pods', '-n', 'default')).toBe(false);
    expect(canI(c.viewer, c, 'get', 'nodes', '--subresource=proxy')).toBe(false);
    expect(canI(c.viewer, c, 'get', 'configmaps/kube-proxy', '-n', 'kube-system')).toBe(true);
    expect(canI(c.viewer, c, 'get', 'configmaps/coredns', '-n', 'kube-system')).toBe(false);

    expect(canI(c.restricted, c, 'list', 'pods', '-n', 'team-a')).toBe(true);
    expect(canI(c.restricted, c, 'list', 'pods', '-n', 'kube-system')).toBe(false);
    expect(canI(c.restricted, c, 'list', 'nodes')).toBe(false);
    expect(canI(c.restricted, c, 'delete', 'pods', '-n', 'team-a')).toBe(false);
  });

  it('the viewer has no write verb anywhere', () => {
    const c = clusterFor('hardened');
    const list = c.as(c.viewer).run(['auth', 'can-i', '--list']);
    const rows = list.split('\n').slice(1).filter(Boolean);
    for (const row of rows) {
      const verbs = row.slice(row.lastIndexOf('[')).replace(/[[\]]/g, '').split(/\s+/);
      const writes = verbs.filter((v) => ['create', 'update', 'patch', 'delete', 'deletecollection', 'escalate', 'bind', 'impersonate', '*'].includes(v));
      // SelfSubjectReviews/AccessReviews are create-only "read who am I" APIs every user has.
      if (/selfsubject|subjectaccessreviews/.test(row)) continue;
      expect(writes, row).toEqual([]);
    }
  });
});
