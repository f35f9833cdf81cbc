import type { CheckResult } from '../../types';
import { defineCheck } from '../../types';
import { apiserverComponentId } from './_lib/components';
import { refLabel } from './_lib/format';
import { bindingRef, roleLabelOf, scopeOf, subjectsEvidence } from './_lib/holders';
import { firstMissing, unknownResult } from './_lib/inputs';
import { RBAC_KINDS, rbacIndex, roleOf } from './_lib/rbac';
import { catalogue, kubescape, trivy } from './_lib/refs';
import { ev, result } from './_lib/result';
import type { PolicyRule, RoleBindingInfo } from '../../../model/inventory';

const EXPECTED = 'no grants to system:anonymous or system:unauthenticated';

/**
 * Two anonymous grants are part of a healthy cluster and stay visible as passes:
 * `system:public-info-viewer` (health and version endpoints) and kubeadm's
 * `kubeadm:bootstrap-signer-clusterinfo` in kube-public (the cluster-info ConfigMap that
 * `kubeadm join` reads before it has credentials).
 */
function allowed(b: RoleBindingInfo): string | undefined {
  if (b.kind === 'ClusterRoleBinding' && b.meta.name === 'system:public-info-viewer' && b.roleRef.name === 'system:public-info-viewer')
    return 'Built-in: anonymous clients may read /healthz, /livez, /readyz and /version.';
  const clusterInfo = 'kubeadm:bootstrap-signer-clusterinfo';
  if (b.kind === 'RoleBinding' && b.meta.namespace === 'kube-public' && b.meta.name === clusterInfo && b.roleRef.kind === 'Role' && b.roleRef.name === clusterInfo)
    return 'kubeadm: anonymous clients may read the kube-public/cluster-info ConfigMap used by kubeadm join.';
  return undefined;
}

/** `verbs [get] on [configmaps] (only cluster-info)` or `non-resource URLs [/healthz]`. */
function describeRule(r: PolicyRule): string {
  if (r.nonResourceURLs?.length) return `verbs [${r.verbs.join(', ')}] on non-resource URLs [${r.nonResourceURLs.join(', ')}]`;
  const names = r.resourceNames?.length ? ` (only ${r.resourceNames.join(', ')})` : '';
  return `verbs [${r.verbs.join(', ')}] on [${r.resources.join(', ')}]${names}`;
}

export default defineCheck({
  id: 'rbac-anonymous-bindings',
  title: 'Nothing is granted to anonymous or unauthenticated users',
  description:
    'Fails on every binding whose subjects include User system:anonymous or Group system:unauthenticated, built-in or not. ' +
    'Allowed and shown as pass: system:public-info-viewer and kube-public/kubeadm:bootstrap-signer-clusterinfo.',
  component: 'rbac',
  area: 'authn-authz',
  severity: 'critical',
  tier: 'api',
  references: [kubescape('C-0262'), trivy('KSV-0122'), catalogue('RB-14')],
  remediation:
    'Delete the binding (`kubectl delete clusterrolebinding <name>`) or remove the `{kind: Group, name: system:unauthenticated}` / `{kind: User, name: system:anonymous}` subject and bind `system:authenticated` or a named group instead.',
  evaluate({ inv, arch }) {
    const componentId = apiserverComponentId(arch);
    const missing = firstMissing(inv, RBAC_KINDS);
    if (missing) return [unknownResult(componentId, missing, EXPECTED)];
    const idx = rbacIndex(inv).bindingsBySubject;
    const bindings = new Set([...(idx.get('User:system:anonymous') ?? []), ...(idx.get('Group:system:unauthenticated') ?? [])]);
    const out: CheckResult[] = [];
    let bad = 0;
    for (const b of bindings) {
      const role = roleOf(inv, b);
      const ref = bindingRef(b);
      const roleLabel = role ? roleLabelOf(role) : `${b.roleRef.kind} ${b.roleRef.name} (not found)`;
      const evidence = (role?.rules ?? []).slice(0, 6).map((r, i) => ev(EXPECTED, describeRule(r), `${roleLabel} · rules[${i}]`));
      evidence.push(subjectsEvidence(b));
      const ok = allowed(b);
      if (ok) {
        out.push(result(componentId, 'pass', ok, evidence, ref));
        continue;
      }
      bad++;
      out.push(result(componentId, 'fail', `${refLabel(ref)} grants ${b.roleRef.kind} ${b.roleRef.name} ${scopeOf(b)} to unauthenticated clients.`, evidence, ref));
    }
    if (bad === 0)
      out.push(result(componentId, 'pass', 'No binding grants anything to unauthenticated clients beyond the allowed defaults.', [ev(EXPECTED, 'none found', 'RoleBindings and ClusterRoleBindings · subjects')]));
    return out;
  },
});
