import type { CheckResult, Evidence } from '../../types';
import { defineCheck } from '../../types';
import { apiserverComponentId } from './_lib/components';
import { refLabel } from './_lib/format';
import { EXEMPT_BUILT_IN } from './_lib/holders';
import { firstMissing, unknownResult } from './_lib/inputs';
import { RBAC_KINDS, isBuiltIn, rbacIndex, roleKeyOf } from './_lib/rbac';
import { catalogue, cis, kubescape, trivy } from './_lib/refs';
import { ev, result } from './_lib/result';

const EXPECTED = 'explicit verbs, resources and API groups (no "*")';

/**
 * Wildcards are judged on the role itself (not per binding), as CIS 5.1.3 asks, because a
 * wildcard silently grows with every CRD installed later. A role nobody binds only warns.
 */
export default defineCheck({
  id: 'rbac-wildcards',
  title: 'Roles and ClusterRoles avoid wildcards',
  description:
    'Finds Roles and ClusterRoles whose rules use "*" for verbs or resources (fail when the role is bound, warn when not), or "*" API groups with named resources (warn). ' +
    'Built-in roles (system: prefix or the kubernetes.io/bootstrapping label, e.g. cluster-admin) are exempt by default and reported as not-applicable.',
  component: 'rbac',
  area: 'authn-authz',
  severity: 'high',
  tier: 'api',
  references: [cis('5.1.3'), kubescape('C-0187'), trivy('KSV-0044'), trivy('KSV-0045'), trivy('KSV-0046'), trivy('KSV-0112'), catalogue('RB-03')],
  remediation:
    'List the verbs and resources the subject needs instead of "*", e.g. replace `{apiGroups: ["*"], resources: ["*"], verbs: ["*"]}` with `{apiGroups: ["apps"], resources: ["deployments"], verbs: ["get", "list", "watch", "update"]}`.',
  evaluate({ inv, arch }) {
    const componentId = apiserverComponentId(arch);
    const missing = firstMissing(inv, RBAC_KINDS);
    if (missing) return [unknownResult(componentId, missing, EXPECTED)];
    const { roleUse } = rbacIndex(inv);
    const out: CheckResult[] = [];
    let bad = 0;
    for (const role of inv.roles) {
      const ref = role.meta.namespace
        ? { kind: role.kind, namespace: role.meta.namespace, name: role.meta.name }
        : { kind: role.kind, name: role.meta.name };
      const evidence: Evidence[] = [];
      let hard = false;
      role.rules.forEach((r, i) => {
        const where = `${refLabel(ref)} · rules[${i}]`;
        if (r.verbs.includes('*')) evidence.push(ev(EXPECTED, `verbs: ["*"] on [${r.resources.join(', ')}]`, `${where}.verbs`));
        if (r.resources.includes('*')) evidence.push(ev(EXPECTED, `resources: ["*"] in groups [${r.apiGroups.join(', ')}]`, `${where}.resources`));
        if (r.verbs.includes('*') || r.resources.includes('*')) hard = true;
        else if (r.apiGroups.includes('*') && r.resources.length > 0)
          evidence.push(ev(EXPECTED, `apiGroups: ["*"] for [${r.resources.join(', ')}]`, `${where}.apiGroups`));
      });
      if (evidence.length === 0) continue;
      if (isBuiltIn(role.meta)) {
        out.push(result(componentId, 'not-applicable', EXEMPT_BUILT_IN, evidence, ref));
        continue;
      }
      bad++;
      const bound = (roleUse.get(roleKeyOf(role)) ?? 0) > 0;
      const status = hard && bound ? 'fail' : 'warn';
      const msg = `${refLabel(ref)} uses wildcards in ${evidence.length === 1 ? 'one rule field' : `${evidence.length} rule fields`}${bound ? '' : ' (not bound to anyone yet)'}.`;
      out.push(result(componentId, status, msg, evidence, ref));
    }
    if (bad === 0)
      out.push(result(componentId, 'pass', 'No role outside the built-in policy uses wildcards.', [ev(EXPECTED, 'no wildcard rules', 'Roles and ClusterRoles · rules')]));
    return out;
  },
});
