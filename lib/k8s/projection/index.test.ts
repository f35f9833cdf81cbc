import { describe, expect, it } from 'vitest';
import { projectObject } from './index';

describe('projectObject', () => {
  it.each([
    ['Pod', 'pods'],
    ['Node', 'nodes'],
    ['Namespace', 'namespaces'],
    ['Deployment', 'workloads'],
    ['DaemonSet', 'workloads'],
    ['StatefulSet', 'workloads'],
    ['ReplicaSet', 'workloads'],
    ['Job', 'workloads'],
    ['CronJob', 'workloads'],
    ['Service', 'services'],
    ['Ingress', 'ingresses'],
    ['NetworkPolicy', 'networkPolicies'],
    ['ResourceQuota', 'resourceQuotas'],
    ['LimitRange', 'limitRanges'],
    ['ServiceAccount', 'serviceAccounts'],
    ['Role', 'roles'],
    ['ClusterRole', 'roles'],
    ['RoleBinding', 'roleBindings'],
    ['ClusterRoleBinding', 'roleBindings'],
    ['Secret', 'secrets'],
    ['CertificateSigningRequest', 'csrs'],
    ['ValidatingWebhookConfiguration', 'webhooks'],
    ['MutatingWebhookConfiguration', 'webhooks'],
    ['RuntimeClass', 'runtimeClasses'],
    ['APIService', 'apiServices'],
    ['ConfigMap', 'configMaps'],
  ])('%s → %s', (kind, field) => {
    expect(projectObject({ kind, metadata: { name: 'x', namespace: 'kube-system' } })?.field).toBe(field);
  });

  it('uses the kind hint for typed-list items and ignores unknown input', () => {
    expect(projectObject({ metadata: { name: 'p' } }, 'Pod')?.field).toBe('pods');
    expect(projectObject({ kind: 'PartialObjectMetadata', metadata: { name: 's' } }, 'Secret')?.field).toBe('secrets');
    expect(projectObject({ kind: 'PartialObjectMetadata', metadata: { name: 's' } })).toBeUndefined();
    expect(projectObject({ kind: 'Event', metadata: { name: 'e' } })).toBeUndefined();
    expect(projectObject(null)).toBeUndefined();
    expect(projectObject('Pod')).toBeUndefined();
    expect(projectObject([{ kind: 'Pod' }])).toBeUndefined();
  });

  it('keeps role kinds apart', () => {
    const p = projectObject({ kind: 'ClusterRole', metadata: { name: 'r' } });
    expect(p?.field === 'roles' && p.value.kind).toBe('ClusterRole');
  });
});
