import { describe, expect, it } from 'vitest';
import { CA_PEM } from '../k8s/projection/testdata';
import { FIXTURE_CLUSTER, inventoryFromObjects } from './from-objects';

describe('inventoryFromObjects', () => {
  it('dispatches on kind, flattens lists and counts objects', () => {
    const inv = inventoryFromObjects([
      { kind: 'Node', metadata: { name: 'n1' } },
      { kind: 'PodList', items: [{ metadata: { name: 'p1', namespace: 'a' } }, { metadata: { name: 'p2', namespace: 'a' } }] },
      { kind: 'List', items: [{ kind: 'Namespace', metadata: { name: 'a' } }, { kind: 'Event', metadata: { name: 'e' } }] },
      { kind: 'Event', metadata: { name: 'ignored' } },
      'not an object',
    ]);
    expect(inv.cluster).toEqual(FIXTURE_CLUSTER);
    expect(inv.nodes.map((n) => n.meta.name)).toEqual(['n1']);
    expect(inv.pods.map((p) => p.meta.name)).toEqual(['p1', 'p2']);
    expect(inv.namespaces).toHaveLength(1);
    expect(inv.stats.objects).toEqual({ Node: 1, Pod: 2, Namespace: 1 });
  });

  it('merges config maps, preferring kube-system for the root CA', () => {
    const inv = inventoryFromObjects([
      { kind: 'ConfigMap', metadata: { name: 'kube-root-ca.crt', namespace: 'default' }, data: { 'ca.crt': CA_PEM } },
      { kind: 'ConfigMap', metadata: { name: 'kube-proxy', namespace: 'kube-system' }, data: { 'config.conf': 'mode: ipvs' } },
    ]);
    expect(inv.configMaps.rootCA?.subject).toBe('CN=kubernetes');
    expect(inv.configMaps.kubeProxyConfiguration).toBe('mode: ipvs');
  });

  it('merges extras shallowly: arrays append, configMaps merge, the rest replaces', () => {
    const inv = inventoryFromObjects(
      [{ kind: 'ConfigMap', metadata: { name: 'kube-proxy', namespace: 'kube-system' }, data: { 'config.conf': 'mode: ipvs' } }],
      {
        version: { gitVersion: 'v1.31.2' },
        anonymous: { versionStatus: 401 },
        issues: [{ kind: 'Secret', verb: 'list', reason: 'forbidden', message: 'no' }],
        configMaps: { kubeletConfiguration: 'readOnlyPort: 0' },
      },
      { context: 'lab', server: 'https://10.0.0.1:6443' },
    );
    expect(inv.version?.gitVersion).toBe('v1.31.2');
    expect(inv.anonymous?.versionStatus).toBe(401);
    expect(inv.issues).toHaveLength(1);
    expect(inv.configMaps).toEqual({ kubeProxyConfiguration: 'mode: ipvs', kubeletConfiguration: 'readOnlyPort: 0' });
    expect(inv.cluster.context).toBe('lab');
  });
});
