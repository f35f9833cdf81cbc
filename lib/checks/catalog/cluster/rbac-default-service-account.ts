import type { CheckResult, Evidence } from '../../types';
import { defineCheck } from '../../types';
import { apiserverComponentId } from './_lib/components';
import { preview, refLabel } from './_lib/format';
import { firstMissing, missingInput, unknownResult } from './_lib/inputs';
import { rbacIndex } from './_lib/rbac';
import { catalogue, cis, kubescape } from './_lib/refs';
import { EXEMPT_SYSTEM_NAMESPACE, ev, result } from './_lib/result';
import { serviceAccountIndex, serviceAccountName, tokenMount } from './_lib/service-accounts';
import { SYSTEM_NAMESPACES, fieldSource, isSystemNamespace, workloadIndex } from './_lib/workloads';

const EXPECTED = 'default service account unused, unbound, automountServiceAccountToken: false';

/**
 * One result per namespace, about its `default` ServiceAccount: every pod that names no account
 * gets it, so granting it anything (or mounting its token) hands that to every such pod.
 */
export default defineCheck({
  id: 'rbac-default-service-account',
  title: 'Default service accounts are not actively used',
  description:
    'Per namespace: fails when a RoleBinding/ClusterRoleBinding names the default ServiceAccount or when workloads run as it with its token mounted; warns when the default account still automounts its token. ' +
    'System namespaces (kube-system, kube-public, kube-node-lease) are exempt by default and reported as not-applicable.',
  component: 'rbac',
  area: 'authn-authz',
  severity: 'medium',
  tier: 'api',
  references: [cis('5.1.5'), kubescape('C-0189'), catalogue('RB-05')],
  remediation:
    'Set `automountServiceAccountToken: false` on each namespace\'s default ServiceAccount, give every workload its own account (`spec.template.spec.serviceAccountName: api`), and bind roles to that account instead of `default`.',
  defaultExemptNamespaces: [...SYSTEM_NAMESPACES],
  evaluate({ inv, arch }) {
    const componentId = apiserverComponentId(arch);
    const missing = firstMissing(inv, ['ServiceAccount', 'RoleBinding', 'ClusterRoleBinding']);
    if (missing) return [unknownResult(componentId, missing, EXPECTED)];
    const namespaces = new Set<string>(inv.namespaces.map((n) => n.meta.name));
    for (const sa of inv.serviceAccounts) if (sa.meta.namespace) namespaces.add(sa.meta.namespace);
    const { byNamespace } = workloadIndex(inv);
    const out: CheckResult[] = [];
    for (const ns of [...namespaces].sort()) {
      const ref = { kind: 'ServiceAccount', namespace: ns, name: 'default' };
      const sa = serviceAccountIndex(inv).get(`${ns}/default`);
      const bindings = rbacIndex(inv).bindingsBySubject.get(`ServiceAccount:${ns}/default`) ?? [];
      const users = (byNamespace.get(ns) ?? []).filter(
        (t) => serviceAccountName(t) === 'default' && tokenMount(inv, t, true).mounted === true,
      );
      const evidence: Evidence[] = [];
      for (const b of bindings)
        evidence.push(ev('no bindings to the default account', `bound to ${b.roleRef.kind} ${b.roleRef.name}`, `${b.kind} ${b.meta.namespace ? `${b.meta.namespace}/` : ''}${b.meta.name} · subjects`));
      for (const t of users.slice(0, 10))
        evidence.push(ev('workloads use their own service account', 'runs as default with its token mounted', fieldSource(t, 'serviceAccountName')));
      const automount = sa?.automountServiceAccountToken;
      evidence.push(ev('automountServiceAccountToken: false', automount === undefined ? 'unset (defaults to true)' : String(automount), `${refLabel(ref)} · automountServiceAccountToken`));

      if (isSystemNamespace(ns)) {
        out.push(result(componentId, 'not-applicable', EXEMPT_SYSTEM_NAMESPACE, evidence, ref));
        continue;
      }
      if (!sa && missingInput(inv, 'ServiceAccount', ns)) {
        out.push(unknownResult(componentId, missingInput(inv, 'ServiceAccount', ns) ?? '', EXPECTED));
        continue;
      }
      const problems: string[] = [];
      if (bindings.length > 0) problems.push(`bound by ${preview(bindings.map((b) => b.meta.name), 3)}`);
      if (users.length > 0) problems.push(`used with a mounted token by ${preview(users.map((t) => refLabel(t.ref)), 3)}`);
      if (problems.length > 0) {
        out.push(result(componentId, 'fail', `The default service account of ${ns} is ${problems.join(' and ')}.`, evidence, ref));
      } else if (automount !== false) {
        out.push(result(componentId, 'warn', `The default service account of ${ns} still automounts its token.`, evidence, ref));
      } else {
        out.push(result(componentId, 'pass', `The default service account of ${ns} is unused and does not mount a token.`, evidence, ref));
      }
    }
    return out;
  },
});
