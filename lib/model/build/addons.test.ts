import { describe, expect, it } from 'vitest';
import { inventoryFromObjects } from '../from-objects';
import { addonComponents, classifyAddon } from './addons';
import { workload } from './testkit';

const classify = (obj: unknown) => {
  const [w] = inventoryFromObjects([obj]).workloads;
  return w ? classifyAddon(w)?.type : undefined;
};

describe('classifyAddon', () => {
  it.each([
    [workload('Deployment', 'kube-system', 'coredns', ['registry.k8s.io/coredns/coredns:v1.11.3']), 'dns'],
    [workload('Deployment', 'kube-system', 'kube-dns', ['registry.k8s.io/k8s-dns-kube-dns:1.22']), 'dns'],
    [workload('Deployment', 'kube-system', 'dns-autoscaler', ['registry.k8s.io/cpa/cluster-proportional-autoscaler:v1.8.9']), undefined],
    [workload('DaemonSet', 'kube-system', 'cilium', ['quay.io/cilium/cilium:v1.16.1']), 'cni'],
    [workload('Deployment', 'kube-system', 'cilium-operator', ['quay.io/cilium/operator-generic:v1.16.1']), undefined],
    [workload('DaemonSet', 'kube-flannel', 'kube-flannel-ds', ['docker.io/flannel/flannel:v0.25.6']), 'cni'],
    [workload('DaemonSet', 'kube-system', 'kindnet', ['docker.io/kindest/kindnetd:v20240813']), 'cni'],
    [workload('Deployment', 'traefik', 'traefik', ['traefik:v3.1']), 'ingress-controller'],
    [workload('Deployment', 'projectcontour', 'contour', ['ghcr.io/projectcontour/contour:v1.30.0']), 'ingress-controller'],
    [workload('Deployment', 'kubernetes-dashboard', 'kubernetes-dashboard-api', ['docker.io/kubernetesui/dashboard-api:1.8.1']), 'dashboard'],
    [workload('Deployment', 'kubernetes-dashboard', 'dashboard-metrics-scraper', ['kubernetesui/metrics-scraper:v1.0.8']), undefined],
    [workload('StatefulSet', 'kube-system', 'ebs-csi-controller', ['registry.k8s.io/sig-storage/csi-provisioner:v5.0.1']), 'csi-driver'],
    [workload('Deployment', 'shop', 'physics', ['shop/physics:1.0']), undefined],
  ])('%#', (obj, type) => {
    expect(classify(obj)).toBe(type);
  });
});

describe('addonComponents', () => {
  it('qualifies ids by namespace only when names collide', () => {
    const inv = inventoryFromObjects([
      workload('Deployment', 'a', 'ingress-nginx-controller', ['registry.k8s.io/ingress-nginx/controller:v1.11.2']),
      workload('Deployment', 'b', 'ingress-nginx-controller', ['registry.k8s.io/ingress-nginx/controller:v1.11.2']),
      workload('Deployment', 'kube-system', 'coredns', ['registry.k8s.io/coredns/coredns:v1.11.3']),
    ]);
    expect(addonComponents(inv.workloads, new Set()).map((c) => c.id)).toEqual([
      'addon/a/ingress-nginx-controller',
      'addon/b/ingress-nginx-controller',
      'addon/coredns',
    ]);
    expect(addonComponents(inv.workloads, new Set(['kube-system/coredns'])).map((c) => c.id)).not.toContain('addon/coredns');
  });
});
