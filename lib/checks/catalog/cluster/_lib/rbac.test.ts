import { describe, expect, it } from 'vitest';
import { inventoryFromObjects } from '../../../../model/from-objects';
import { CREATE_WORKLOADS, EVERYTHING, EXEC_ATTACH, NODES_PROXY, READ_SECRETS } from './permissions';
import { bindingsForServiceAccount, isBuiltIn, roleGrants, ruleGrants } from './rbac';

const role = (rules: { apiGroups: string[]; resources: string[]; verbs: string[]; resourceNames?: string[] }[]) => ({
  kind: 'ClusterRole' as const,
  meta: { name: 'r', labels: {}, annotations: {} },
  rules,
});

describe('ruleGrants', () => {
  it('matches verbs, groups and resources, including "*"', () => {
    expect(ruleGrants({ apiGroups: [''], resources: ['secrets'], verbs: ['list'] }, READ_SECRETS, 0)).toEqual({ ruleIndex: 0, verbs: ['list'], resources: ['secrets'] });
    expect(ruleGrants({ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }, READ_SECRETS, 3)?.verbs).toEqual(['get', 'list', 'watch']);
    expect(ruleGrants({ apiGroups: ['apps'], resources: ['secrets'], verbs: ['get'] }, READ_SECRETS, 0)).toBeUndefined();
    expect(ruleGrants({ apiGroups: [''], resources: ['configmaps'], verbs: ['*'] }, READ_SECRETS, 0)).toBeUndefined();
  });

  it('matches a subresource only exactly or through "*/sub", as the authorizer does', () => {
    expect(ruleGrants({ apiGroups: [''], resources: ['pods'], verbs: ['create'] }, EXEC_ATTACH, 0)).toBeUndefined();
    expect(ruleGrants({ apiGroups: [''], resources: ['*/exec'], verbs: ['create'] }, EXEC_ATTACH, 0)?.resources).toEqual(['pods/exec']);
    expect(ruleGrants({ apiGroups: [''], resources: ['nodes/proxy'], verbs: ['get'] }, NODES_PROXY, 0)?.verbs).toEqual(['get']);
  });

  it('keeps resourceNames so name-limited grants can be told apart', () => {
    expect(ruleGrants({ apiGroups: [''], resources: ['secrets'], verbs: ['get'], resourceNames: ['app'] }, READ_SECRETS, 1)?.resourceNames).toEqual(['app']);
  });

  it('matches each target group separately for multi-group permissions', () => {
    const hits = roleGrants(role([{ apiGroups: ['apps'], resources: ['deployments', 'pods'], verbs: ['create'] }]), CREATE_WORKLOADS);
    expect(hits[0]?.resources).toEqual(['deployments']); // `pods` is core, not apps
  });

  it('only counts a full wildcard as "everything"', () => {
    expect(roleGrants(role([{ apiGroups: ['*'], resources: ['*'], verbs: ['get', 'list'] }]), EVERYTHING)).toEqual([]);
    expect(roleGrants(role([{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }]), EVERYTHING)).toHaveLength(1);
  });
});

describe('bindings of a service account', () => {
  it('includes its own bindings and those of its groups', () => {
    const b = (name: string, subjects: object[]) => ({
      kind: 'ClusterRoleBinding',
      metadata: { name },
      roleRef: { kind: 'ClusterRole', name: 'view' },
      subjects,
    });
    const inv = inventoryFromObjects([
      b('own', [{ kind: 'ServiceAccount', name: 'api', namespace: 'web' }]),
      b('ns-group', [{ kind: 'Group', name: 'system:serviceaccounts:web' }]),
      b('all', [{ kind: 'Group', name: 'system:serviceaccounts' }]),
      b('other-ns', [{ kind: 'Group', name: 'system:serviceaccounts:batch' }]),
      b('other-sa', [{ kind: 'ServiceAccount', name: 'api', namespace: 'batch' }]),
    ]);
    expect(bindingsForServiceAccount(inv, 'web', 'api').map((x) => x.meta.name).sort()).toEqual(['all', 'ns-group', 'own']);
  });

  it('recognises the built-in policy by prefix or bootstrap label', () => {
    expect(isBuiltIn({ name: 'system:node', labels: {} })).toBe(true);
    expect(isBuiltIn({ name: 'edit', labels: { 'kubernetes.io/bootstrapping': 'rbac-defaults' } })).toBe(true);
    expect(isBuiltIn({ name: 'team-edit', labels: {} })).toBe(false);
  });
});
