/**
 * The synthetic clusters of bench/synthetic.ts as inventories, without an API server: each object
 * decorated as the API server serves it, then projected by the same code the collector uses
 * (inventoryFromObjects). For measurements of the pure parts (checks, architecture, posture and
 * snapshot size, the diagram) at scales the local API server cannot hold on this machine.
 * lib/k8s/collect.budget.test.ts checks that a collected inventory equals these projections.
 */
import { inventoryFromObjects } from '../lib/model/from-objects';
import type { Inventory } from '../lib/model/inventory';
import { type K8sObject, type Scale, syntheticCluster } from './synthetic';

/**
 * A pod as the API server returns it: what admission and the kubelet add to every pod (the
 * service-account token volume with a random suffix, mounted in each container; uid, creation
 * time, managedFields, status), so the guard sees the per-pod differences a real list has.
 */
export function asServed(pod: K8sObject, i: number): K8sObject {
  const suffix = (i * 7919).toString(36).padStart(5, 'x').slice(-5);
  const token = `kube-api-access-${suffix}`;
  const spec = pod['spec'] as { volumes?: unknown[]; containers: { volumeMounts?: unknown[] }[] };
  const at = '2026-11-29T05:39:43Z';
  return {
    ...pod,
    metadata: {
      ...pod.metadata,
      uid: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      resourceVersion: String(1000 + i),
      creationTimestamp: at,
      managedFields: [{ manager: 'kube-posture-bench', operation: 'Update', apiVersion: 'v1', time: at, fieldsType: 'FieldsV1', fieldsV1: { 'f:metadata': { 'f:labels': { '.': {} } }, 'f:spec': { 'f:containers': { 'k:{"name":"app"}': { '.': {}, 'f:image': {} } } } } }],
    },
    spec: {
      ...spec,
      volumes: [...(spec.volumes ?? []), { name: token, projected: { sources: [{ serviceAccountToken: { expirationSeconds: 3607, path: 'token' } }, { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } }], defaultMode: 420 } }],
      containers: spec.containers.map((c) => ({ ...c, volumeMounts: [...(c.volumeMounts ?? []), { name: token, readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' }] })),
    },
    status: {
      phase: 'Running',
      conditions: [{ type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: at }],
      hostIP: '10.1.0.1',
      podIP: `10.64.0.${i % 250}`,
      startTime: at,
      containerStatuses: spec.containers.map((c) => ({ name: (c as { name?: string }).name, ready: true, restartCount: 0, state: { running: { startedAt: at } } })),
      qosClass: 'Burstable',
    },
  };
}

/** The whole synthetic cluster of `scale` as an inventory (L needs ~2 GB of heap). */
export function syntheticInventory(scale: Scale, context = `synthetic-${scale}`): Inventory {
  const cluster = syntheticCluster(scale);
  const pods: K8sObject[] = [];
  let i = 0;
  for (const pod of cluster.pods()) pods.push(asServed(pod, i++));
  const inv = inventoryFromObjects([...cluster.nodes, ...cluster.objects, ...pods], undefined, { context, server: `https://${context}.invalid:6443` });
  inv.version = { gitVersion: 'v1.37.2', major: '1', minor: '37' };
  return inv;
}
