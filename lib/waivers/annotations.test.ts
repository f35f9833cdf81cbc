import { describe, expect, it } from 'vitest';
import type { Finding } from '../checks/types';
import { emptyInventory, type ObjectMeta } from '../model/inventory';
import { annotationWaivers } from './annotations';
import { applyWaivers } from './apply';

const meta = (name: string, annotations: Record<string, string>, namespace?: string): ObjectMeta => ({
  name,
  ...(namespace ? { namespace } : {}),
  labels: {},
  annotations,
});

describe('annotationWaivers', () => {
  const inv = emptyInventory({ context: 'kp', server: 'https://127.0.0.1' });
  inv.namespaces.push({ meta: meta('team-a', { 'kube-posture.io/waive-namespace-network-policy': 'mesh handles it' }) });
  inv.workloads.push({
    kind: 'Deployment',
    meta: meta('reports', { 'kube-posture.io/waive-pod-privileged': '  legacy agent  ', 'other.io/x': 'y' }, 'team-a'),
    template: { meta: { labels: {}, annotations: {} }, spec: { volumes: [], containers: [], initContainers: [], ephemeralContainers: [] } },
  });
  inv.roleBindings.push({ kind: 'ClusterRoleBinding', meta: meta('ci', { 'kube-posture.io/waive-rbac-secrets-access': '', 'kube-posture.io/waive-Bad_Id': 'x' }), roleRef: { kind: 'ClusterRole', name: 'ci' }, subjects: [] });

  const rules = annotationWaivers(inv);

  it('reads kube-posture.io/waive-<check-id> on any object, with the object ref and trimmed reason', () => {
    expect(rules).toEqual([
      { checkId: 'namespace-network-policy', object: 'Namespace team-a', reason: 'mesh handles it', author: 'annotation on Namespace team-a', source: 'annotation' },
      { checkId: 'pod-privileged', object: 'Deployment team-a/reports', reason: 'legacy agent', author: 'annotation on Deployment team-a/reports', source: 'annotation' },
      { checkId: 'rbac-secrets-access', object: 'ClusterRoleBinding ci', reason: 'waived by annotation (no reason given)', author: 'annotation on ClusterRoleBinding ci', source: 'annotation' },
    ]);
  });

  it('waives the finding on that object through applyWaivers', () => {
    const f: Finding = {
      checkId: 'pod-privileged', title: 't', area: 'workloads', severity: 'high', componentId: 'cluster', status: 'fail', message: 'm', evidence: [],
      object: { kind: 'Deployment', namespace: 'team-a', name: 'reports' },
    };
    const [out] = applyWaivers([f], rules, new Date());
    expect(out?.waived).toEqual({ reason: 'legacy agent', author: 'annotation on Deployment team-a/reports', source: 'annotation' });
  });
});
