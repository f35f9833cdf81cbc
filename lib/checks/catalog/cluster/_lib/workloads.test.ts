import { describe, expect, it } from 'vitest';
import { buildArchitecture } from '../../../../model/build-architecture';
import { inventoryFromObjects } from '../../../../model/from-objects';
import type { Inventory } from '../../../../model/inventory';
import { evaluateCheck } from '../../../runner';
import { CLUSTER_CHECKS } from '../../index';
import { workloadIndex } from './workloads';

const spec = { containers: [{ name: 'app', image: 'app:1' }] };
const owner = (kind: string, name: string) => [{ apiVersion: 'apps/v1', kind, name, controller: true, uid: name }];
const workload = (kind: string, name: string, extra: object = {}) => ({
  kind,
  metadata: { name, namespace: 'web', ...extra },
  spec: kind === 'CronJob' ? { jobTemplate: { spec: { template: { spec } } } } : { template: { metadata: { labels: { app: name } }, spec } },
});
const pod = (name: string, meta: object = {}, node?: string) => ({
  kind: 'Pod',
  metadata: { name, namespace: 'web', ...meta },
  spec: { ...spec, ...(node ? { nodeName: node } : {}) },
});

describe('workloadIndex', () => {
  it('represents ReplicaSets and Jobs by their owners, and places them on a stable node', () => {
    const inv = inventoryFromObjects([
      workload('Deployment', 'api'),
      workload('ReplicaSet', 'api-1', { ownerReferences: owner('Deployment', 'api') }),
      workload('ReplicaSet', 'api-2', { ownerReferences: owner('Deployment', 'api') }),
      pod('api-2-a', { ownerReferences: owner('ReplicaSet', 'api-2') }, 'worker-b'),
      pod('api-2-b', { ownerReferences: owner('ReplicaSet', 'api-2') }, 'worker-a'),
      workload('CronJob', 'backup'),
      workload('Job', 'backup-2829', { ownerReferences: owner('CronJob', 'backup') }),
    ]);
    const targets = workloadIndex(inv).targets;
    expect(targets.map((t) => `${t.ref.kind}/${t.ref.name}`).sort()).toEqual(['CronJob/backup', 'Deployment/api']);
    const api = targets.find((t) => t.ref.name === 'api');
    expect(api?.podCount).toBe(2);
    expect(api?.nodeName).toBe('worker-a');
    expect(api?.specPath).toBe('spec.template.spec');
    expect(targets.find((t) => t.ref.name === 'backup')?.specPath).toBe('spec.jobTemplate.spec.template.spec');
  });

  it('maps pods to a Deployment by name when the ReplicaSet list is missing', () => {
    const inv = inventoryFromObjects([workload('Deployment', 'api'), pod('api-5d9c7-x', { ownerReferences: owner('ReplicaSet', 'api-5d9c7') }, 'n1')]);
    expect(workloadIndex(inv).targets.map((t) => `${t.ref.kind}/${t.ref.name}@${t.nodeName ?? '-'}`)).toEqual(['Deployment/api@n1']);
  });

  it('counts neighbouring pods with equal owner names in different namespaces apart', () => {
    const inNs = (o: { metadata: object }, ns: string) => ({ ...o, metadata: { ...o.metadata, namespace: ns } });
    const inv = inventoryFromObjects([
      inNs(workload('Deployment', 'api'), 'a'),
      inNs(workload('Deployment', 'api'), 'b'),
      inNs(pod('api-1-x', { ownerReferences: owner('ReplicaSet', 'api-1') }, 'n1'), 'a'),
      inNs(pod('api-1-y', { ownerReferences: owner('ReplicaSet', 'api-1') }, 'n2'), 'b'),
      inNs(pod('api-1-z', { ownerReferences: owner('ReplicaSet', 'api-1') }, 'n0'), 'b'),
    ]);
    expect(workloadIndex(inv).targets.map((t) => `${t.ref.namespace}/${t.ref.name}:${t.podCount}@${t.nodeName}`)).toEqual(['a/api:1@n1', 'b/api:2@n0']);
  });

  it('keeps pods of unknown controllers (one target per owner) and naked pods; skips mirror pods', () => {
    const inv = inventoryFromObjects([
      pod('roll-abc-1', { ownerReferences: owner('Rollout', 'roll') }),
      pod('roll-abc-2', { ownerReferences: owner('Rollout', 'roll') }),
      pod('debug'),
      pod('etcd-cp-1', { annotations: { 'kubernetes.io/config.mirror': 'x' } }),
      pod('kube-apiserver-cp-1', { ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: 'cp-1', controller: true, uid: 'n' }] }),
    ]);
    const targets = workloadIndex(inv).targets;
    expect(targets.map((t) => `${t.ref.kind}/${t.ref.name}:${t.naked}:${t.from}`).sort()).toEqual(['Pod/debug:true:pod', 'Rollout/roll:false:pod']);
    expect(targets.find((t) => t.ref.kind === 'Rollout')?.label).toBe('Pod web/roll-abc-1');
  });
});

describe('evidence of a pass about one spec field', () => {
  const hostNetwork = CLUSTER_CHECKS.find((c) => c.id === 'workload-host-network');
  const passes = (inv: Inventory) => {
    if (!hostNetwork) throw new Error('workload-host-network is not in the catalogue');
    return evaluateCheck(hostNetwork, inv, buildArchitecture(inv)).filter((f) => f.status === 'pass');
  };

  it('is the field path in the finding’s own object, one frozen array shared by every workload at that path', () => {
    const found = passes(inventoryFromObjects([workload('Deployment', 'api'), workload('Deployment', 'web'), workload('CronJob', 'backup'), pod('debug')]));
    const by = (name: string) => found.find((f) => f.object?.name === name);
    expect(by('api')?.evidence).toEqual([{ expected: 'hostNetwork false or unset', actual: 'not set', source: 'spec.template.spec.hostNetwork' }]);
    expect(by('api')?.evidence).toBe(by('web')?.evidence);
    expect(Object.isFrozen(by('api')?.evidence) && Object.isFrozen(by('api')?.evidence[0])).toBe(true);
    expect(by('backup')?.evidence[0]?.source).toBe('spec.jobTemplate.spec.template.spec.hostNetwork');
    expect(by('debug')?.evidence[0]?.source).toBe('spec.hostNetwork');
  });

  it('names the pod it was read from when the controller is not in the inventory', () => {
    const [roll] = passes(inventoryFromObjects([pod('roll-abc-1', { ownerReferences: owner('Rollout', 'roll') })]));
    expect(roll?.object).toMatchObject({ kind: 'Rollout', name: 'roll' });
    expect(roll?.evidence[0]?.source).toBe('Pod web/roll-abc-1 · spec.hostNetwork');
  });
});
