import { describe, expect, it } from 'vitest';
import { inventoryFromObjects } from '../from-objects';
import { groupNodes } from './node-groups';
import { nodeRoles, nodeView, splitRuntime } from './nodes';
import { node } from './testkit';

describe('node helpers', () => {
  it('reads roles from node-role labels and the legacy role label', () => {
    expect(nodeRoles({ 'node-role.kubernetes.io/control-plane': '', 'node-role.kubernetes.io/etcd': 'true', 'kubernetes.io/role': 'master' })).toEqual([
      'control-plane',
      'etcd',
      'master',
    ]);
  });

  it('splits runtime name and version', () => {
    expect(splitRuntime('containerd://2.1.4')).toEqual({ name: 'containerd', version: '2.1.4' });
    expect(splitRuntime('cri-o://1.30.4')).toEqual({ name: 'cri-o', version: '1.30.4' });
    expect(splitRuntime('docker')).toEqual({ name: 'docker' });
    expect(splitRuntime(undefined)).toEqual({});
  });

  it('groups by role, pool, zone with stable ids and labels', () => {
    const inv = inventoryFromObjects([
      node('b', { labels: { 'cloud.google.com/gke-nodepool': 'default-pool', 'topology.kubernetes.io/zone': 'europe-west1-b' } }),
      node('a', { labels: { 'cloud.google.com/gke-nodepool': 'default-pool', 'topology.kubernetes.io/zone': 'europe-west1-b' } }),
      node('c', { labels: { 'failure-domain.beta.kubernetes.io/zone': 'z' } }),
      node('m', { labels: { 'node-role.kubernetes.io/master': '' } }),
      node('h'),
    ]);
    const views = inv.nodes.map((n) => nodeView(n, n.meta.name === 'h', undefined));
    expect(groupNodes(views).groups).toEqual([
      { id: 'nodegroup/control-plane/-/-', label: 'control-plane', role: 'control-plane', nodeNames: ['h', 'm'] },
      { id: 'nodegroup/worker/-/z', label: 'zone: z', role: 'worker', zone: 'z', nodeNames: ['c'] },
      {
        id: 'nodegroup/worker/default-pool/europe-west1-b',
        label: 'pool: default-pool / zone: europe-west1-b',
        role: 'worker',
        pool: 'default-pool',
        zone: 'europe-west1-b',
        nodeNames: ['a', 'b'],
      },
    ]);
  });
});
