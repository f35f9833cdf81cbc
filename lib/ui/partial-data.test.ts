import { describe, expect, it } from 'vitest';
import type { Finding } from '../checks/types';
import type { CollectionIssue } from '../model/inventory';
import { partialData } from './partial-data';

const unknown = (checkId: string, message: string): Finding => ({
  checkId,
  message,
  componentId: 'cluster',
  status: 'unknown',
  severity: 'high',
  area: 'authn-authz',
  title: checkId,
  evidence: [],
});

describe('partialData', () => {
  const issues: CollectionIssue[] = [
    { kind: 'RoleBinding', verb: 'list', reason: 'forbidden', message: 'Your identity cannot list rolebindings in any namespace.' },
    { kind: 'Node', verb: 'list', reason: 'forbidden', message: 'Your identity cannot list nodes.' },
    { kind: 'nodes/proxy', verb: 'get', reason: 'disabled', message: 'Kubelet configz is not read by default.' },
  ];

  it('counts the unknown checks each failed read explains', () => {
    const findings = [
      unknown('rbac-a', 'Cannot evaluate: your identity cannot list RoleBindings'),
      unknown('rbac-a', 'Cannot evaluate: your identity cannot list RoleBindings'),
      unknown('rbac-b', 'Cannot evaluate: your identity cannot list RoleBindings'),
      unknown('kubelet-x', 'Cannot evaluate: needs a node agent'),
    ];
    const { missing, skipped } = partialData(issues, findings);
    expect(missing.map((l) => `${l.what}: ${l.impact}`)).toEqual([
      'Your identity cannot list RoleBindings: 2 checks are unknown',
      'Your identity cannot list Nodes: no check depends on it alone',
    ]);
    expect(missing[0]?.unknownFindings).toBe(3);
    expect(skipped).toHaveLength(1);
  });

  it('says which namespaces were read when the cluster-wide list was forbidden', () => {
    const fallback: CollectionIssue = { kind: 'Pod', verb: 'list', reason: 'forbidden', message: 'Your identity cannot list pods in all namespaces; only team-a was read', readNamespaces: ['team-a'] };
    expect(partialData([fallback], []).missing.map((l) => l.what)).toEqual(['Your identity cannot list Pods in all namespaces (read only team-a)']);
    expect(partialData([{ ...fallback, readNamespaces: undefined }], []).missing.map((l) => l.what)).toEqual(['Your identity cannot list Pods']);
  });

  it('merges the same read failing in several namespaces into one line', () => {
    const perNamespace: CollectionIssue[] = ['a', 'b'].map((namespace) => ({ kind: 'Secret', verb: 'list', namespace, reason: 'forbidden', message: `cannot list secrets in ${namespace}` }));
    const { missing } = partialData(perNamespace, []);
    expect(missing).toHaveLength(2); // different namespaces read differently
    const same = partialData([perNamespace[0]!, perNamespace[0]!], []);
    expect(same.missing).toHaveLength(1);
    expect(same.missing[0]?.details).toEqual(['cannot list secrets in a']);
  });
});
