import { describe, expect, it } from 'vitest';
import { inventoryFromObjects } from '../from-objects';
import { controlPlaneId } from '../ids';
import { findControlPlane } from './control-plane';
import { workload } from './testkit';

function pod(name: string, namespace: string, labels: Record<string, string>, container: Record<string, unknown>, nodeName?: string) {
  return { kind: 'Pod', metadata: { name, namespace, labels }, spec: { ...(nodeName ? { nodeName } : {}), containers: [{ name: 'c', image: 'i:v1.0.0', ...container }] } };
}

function find(objects: unknown[]) {
  const inv = inventoryFromObjects(objects);
  return findControlPlane(inv.pods, inv.workloads).map((i) => ({ id: i.id, type: i.type, flags: i.flags, source: i.source.kind }));
}

describe('findControlPlane', () => {
  it('classifies by label, by command[0] (kubescape style), hyperkube and tier + container name', () => {
    expect(
      find([
        pod('a', 'kube-system', { component: 'kube-apiserver' }, { command: ['kube-apiserver', '--secure-port=6443'] }, 'n1'),
        pod('b', 'kube-system', {}, { command: ['/usr/local/bin/etcd', '--client-cert-auth=true'] }, 'n1'),
        pod('c', 'kube-system', {}, { command: ['/hyperkube', 'kube-controller-manager', '--profiling=false'] }, 'n1'),
        pod('d', 'kube-system', { tier: 'control-plane' }, { name: 'kube-scheduler', args: ['--bind-address=127.0.0.1'] }, 'n1'),
        pod('e', 'kube-system', { app: 'web' }, { command: ['nginx'] }, 'n1'),
      ]),
    ).toEqual([
      { id: controlPlaneId('kube-apiserver', 'n1'), type: 'kube-apiserver', flags: { 'secure-port': '6443' }, source: 'Pod' },
      { id: controlPlaneId('etcd', 'n1'), type: 'etcd', flags: { 'client-cert-auth': 'true' }, source: 'Pod' },
      { id: controlPlaneId('kube-controller-manager', 'n1'), type: 'kube-controller-manager', flags: { profiling: 'false' }, source: 'Pod' },
      { id: controlPlaneId('kube-scheduler', 'n1'), type: 'kube-scheduler', flags: { 'bind-address': '127.0.0.1' }, source: 'Pod' },
    ]);
  });

  it('ignores look-alikes outside kube-system', () => {
    expect(find([pod('kube-apiserver-x', 'default', { component: 'kube-apiserver' }, { command: ['kube-apiserver'] }, 'n1')])).toEqual([]);
  });

  it('names unscheduled pods and second pods on a node by pod name', () => {
    expect(
      find([
        pod('api-a', 'kube-system', { component: 'kube-apiserver' }, {}, 'n1'),
        pod('api-b', 'kube-system', { component: 'kube-apiserver' }, {}, 'n1'),
        pod('api-c', 'kube-system', { component: 'kube-apiserver' }, {}),
      ]).map((i) => i.id),
    ).toEqual([controlPlaneId('kube-apiserver', 'n1'), controlPlaneId('kube-apiserver', 'api-b'), controlPlaneId('kube-apiserver', 'api-c')]);
  });

  it('finds a cloud-controller-manager by pod, or by workload when no pod is visible', () => {
    expect(find([pod('ccm-1', 'kube-system', { 'k8s-app': 'aws-cloud-controller-manager' }, {}, 'n1')])).toEqual([
      { id: controlPlaneId('cloud-controller-manager', 'n1'), type: 'cloud-controller-manager', flags: {}, source: 'Pod' },
    ]);
    const ds = workload('DaemonSet', 'kube-system', 'openstack-cloud-controller-manager', ['registry.k8s.io/provider-os/openstack-cloud-controller-manager:v1.31.0']);
    expect(find([ds])).toEqual([
      { id: controlPlaneId('cloud-controller-manager', 'openstack-cloud-controller-manager'), type: 'cloud-controller-manager', flags: {}, source: 'DaemonSet' },
    ]);
  });
});
