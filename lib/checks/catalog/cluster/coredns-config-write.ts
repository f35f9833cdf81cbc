import { defineCheck } from '../../types';
import { apiserverComponentId, firstOfType } from './_lib/components';
import { whoHolds } from './_lib/holders';
import type { Permission } from './_lib/rbac';
import { catalogue, kubescape } from './_lib/refs';

const WRITE_CONFIGMAPS: Permission = {
  label: 'change ConfigMaps (kube-system/coredns among them)',
  verbs: ['update', 'patch', 'delete'],
  targets: [{ group: '', resource: 'configmaps' }],
};

/**
 * Rewriting the CoreDNS Corefile redirects any in-cluster name (DNS poisoning). A grant counts if
 * it reaches kube-system (ClusterRoleBinding, or RoleBinding in kube-system) and is not limited
 * to other ConfigMap names.
 */
export default defineCheck({
  id: 'coredns-config-write',
  title: 'Only administrators can change the CoreDNS configuration',
  description:
    'Finds bindings that can update, patch or delete ConfigMaps in kube-system (cluster-wide or through a RoleBinding there), which includes kube-system/coredns. Grants limited to other ConfigMap names are ignored. Built-in system: bindings are exempt by default and reported as not-applicable.',
  component: 'dns',
  area: 'addons',
  severity: 'medium',
  tier: 'api',
  references: [kubescape('C-0037'), catalogue('AD-02')],
  remediation:
    'Remove write verbs on `configmaps` from roles that reach kube-system, or limit them by name: `{apiGroups: [""], resources: ["configmaps"], resourceNames: ["my-app-config"], verbs: ["update"]}`.',
  evaluate(ctx) {
    // The DNS add-on when it is on the diagram; otherwise the API server that enforces the RBAC.
    const dns = firstOfType(ctx.arch, 'dns')?.id ?? apiserverComponentId(ctx.arch);
    return whoHolds(ctx, {
      perms: [WRITE_CONFIGMAPS],
      expected: 'only administrators can change kube-system/coredns',
      passMessage: 'No binding outside the built-in policy can change the CoreDNS ConfigMap.',
      filter: (b) => b.kind === 'ClusterRoleBinding' || b.meta.namespace === 'kube-system',
      criticalNames: ['coredns'],
      exempt: (b, role) => {
        // Name-limited rules that do not include coredns cannot touch it.
        const rules = role.rules.filter((r) => r.resources.some((res) => res === 'configmaps' || res === '*'));
        const named = rules.length > 0 && rules.every((r) => r.resourceNames && r.resourceNames.length > 0 && !r.resourceNames.includes('coredns'));
        return named ? `cannot reach coredns: ${b.kind} ${b.meta.name} is limited to other ConfigMap names` : undefined;
      },
    }).map((r) => ({ ...r, componentId: dns }));
  },
});
