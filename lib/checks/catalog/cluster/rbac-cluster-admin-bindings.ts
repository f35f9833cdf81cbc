import { defineCheck } from '../../types';
import { EXEMPT_BUILT_IN, whoHolds } from './_lib/holders';
import { EVERYTHING } from './_lib/permissions';
import { isBuiltIn } from './_lib/rbac';
import { catalogue, cis, kubescape, polaris, trivy } from './_lib/refs';

const onlyGroup = (subjects: { kind: string; name: string }[], group: string): boolean =>
  subjects.every((s) => s.kind === 'Group' && s.name === group);

/**
 * Bindings to cluster-admin (or to any role granting `*` on `*`). The bootstrap `cluster-admin`
 * → `system:masters` binding and kubeadm's `kubeadm:cluster-admins` are exempt by default, but
 * only while they bind nothing else: an extra subject on them is a classic persistence trick.
 */
export default defineCheck({
  id: 'rbac-cluster-admin-bindings',
  title: 'cluster-admin is bound only where required',
  description:
    'Finds ClusterRoleBindings and RoleBindings to cluster-admin or to any role that allows every verb on every resource. ' +
    'Exempt by default and reported as not-applicable: the bootstrap cluster-admin → system:masters binding, kubeadm:cluster-admins → group kubeadm:cluster-admins, and other built-in system: bindings.',
  component: 'rbac',
  area: 'authn-authz',
  severity: 'high',
  tier: 'api',
  references: [
    cis('5.1.1'),
    kubescape('C-0185'),
    kubescape('C-0035'),
    trivy('KSV-0111'),
    polaris('clusterrolebindingClusterAdmin'),
    polaris('rolebindingClusterAdminClusterRole'),
    catalogue('RB-01'),
  ],
  remediation:
    'Replace the binding with a role that grants only what the subject needs, e.g. `roleRef: {kind: ClusterRole, name: view}`, ' +
    'then `kubectl delete clusterrolebinding <name>`. Keep break-glass admin access in a group such as kubeadm:cluster-admins.',
  evaluate: (ctx) =>
    whoHolds(ctx, {
      perms: [EVERYTHING],
      expected: 'no subject holds full control of the cluster',
      passMessage: 'Only the exempt bootstrap bindings grant cluster-admin.',
      includeBuiltIn: true,
      exempt(b) {
        if (b.kind === 'ClusterRoleBinding' && b.meta.name === 'cluster-admin' && onlyGroup(b.subjects, 'system:masters'))
          return 'exempt by default: bootstrap binding of cluster-admin to system:masters (see rbac-system-masters)';
        if (b.kind === 'ClusterRoleBinding' && b.meta.name === 'kubeadm:cluster-admins' && onlyGroup(b.subjects, 'kubeadm:cluster-admins'))
          return "exempt by default: kubeadm's break-glass admin group used by admin.conf";
        if (b.meta.name === 'cluster-admin') return undefined; // modified bootstrap binding: never exempt
        return isBuiltIn(b.meta) ? EXEMPT_BUILT_IN : undefined;
      },
    }),
});
