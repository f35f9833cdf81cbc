import type { CheckResult, Evidence } from '../../types';
import { defineCheck } from '../../types';
import { apiserverComponentId } from './_lib/components';
import { preview } from './_lib/format';
import { bindingRef, roleLabelOf, subjectsEvidence } from './_lib/holders';
import { firstMissing, missingInput, unknownResult } from './_lib/inputs';
import { RBAC_KINDS, rbacIndex, roleOf } from './_lib/rbac';
import { catalogue, cis, kubescape, trivy } from './_lib/refs';
import { ev, result } from './_lib/result';

const MASTERS = 'system:masters';
const EXPECTED = 'no bindings or certificate requests for system:masters';

/**
 * system:masters bypasses authorization entirely and a certificate in it cannot be revoked short
 * of rotating the CA. We see two traces through the API: bindings naming the group and CSRs
 * asking for O=system:masters. Certificates minted offline (kubeadm's old admin.conf) are
 * invisible here, and the pass message says so.
 */
export default defineCheck({
  id: 'rbac-system-masters',
  title: 'The system:masters group is not used',
  description:
    'Fails on bindings whose subjects include the group system:masters and on CertificateSigningRequests (pending or issued) that request organisation system:masters. ' +
    'The bootstrap cluster-admin → system:masters binding is exempt by default and reported as not-applicable. Certificates issued outside the API cannot be seen.',
  component: 'rbac',
  area: 'authn-authz',
  severity: 'high',
  tier: 'api',
  references: [cis('5.1.7'), kubescape('C-0246'), trivy('KSV-0123'), catalogue('RB-07')],
  remediation:
    'Deny the request (`kubectl certificate deny <csr>`), delete bindings that name `system:masters`, and issue admin certificates for a revocable group instead, e.g. `O=kubeadm:cluster-admins` bound with a ClusterRoleBinding.',
  evaluate({ inv, arch }) {
    const componentId = apiserverComponentId(arch);
    const missing = firstMissing(inv, RBAC_KINDS);
    if (missing) return [unknownResult(componentId, missing, EXPECTED)];
    const out: CheckResult[] = [];
    let bad = 0;
    for (const b of rbacIndex(inv).bindingsBySubject.get(`Group:${MASTERS}`) ?? []) {
      const role = roleOf(inv, b);
      const roleText = role ? `grants ${roleLabelOf(role)}` : `${b.roleRef.kind} ${b.roleRef.name} (role not found)`;
      const evidence: Evidence[] = [ev('no binding names system:masters', roleText, `${b.kind} ${b.meta.name} · roleRef`), subjectsEvidence(b)];
      const bootstrap = b.kind === 'ClusterRoleBinding' && b.meta.name === 'cluster-admin' && b.subjects.every((s) => s.kind === 'Group' && s.name === MASTERS);
      if (bootstrap) {
        out.push(result(componentId, 'not-applicable', 'exempt by default: bootstrap binding created by the API server', evidence, bindingRef(b)));
        continue;
      }
      bad++;
      out.push(result(componentId, 'fail', `${b.kind} ${b.meta.name} names the group system:masters, which bypasses RBAC.`, evidence, bindingRef(b)));
    }
    const csrMissing = missingInput(inv, 'CertificateSigningRequest');
    if (csrMissing) {
      out.push(unknownResult(componentId, csrMissing, 'no certificate requests for O=system:masters'));
    } else {
      for (const csr of inv.csrs) {
        if (!csr.requestedOrganizations.includes(MASTERS)) continue;
        const denied = csr.conditions.some((c) => c.type === 'Denied' || c.type === 'Failed');
        const ref = { kind: 'CertificateSigningRequest', name: csr.meta.name };
        const state = csr.issued ? 'issued' : denied ? 'denied' : 'pending';
        const evidence = [
          ev('no request for O=system:masters', `O=${preview(csr.requestedOrganizations)}, CN=${csr.requestedCommonName ?? '?'} (${state})`, `CertificateSigningRequest ${csr.meta.name} · spec.request (subject)`),
          ev('a known requester', csr.username ?? 'unknown', `CertificateSigningRequest ${csr.meta.name} · spec.username`),
        ];
        if (denied && !csr.issued) {
          out.push(result(componentId, 'pass', `Request ${csr.meta.name} for system:masters was denied.`, evidence, ref));
          continue;
        }
        bad++;
        out.push(result(componentId, 'fail', `CertificateSigningRequest ${csr.meta.name} asks for a system:masters certificate (${state}), requested by ${csr.username ?? 'an unknown user'}.`, evidence, ref));
      }
    }
    if (bad === 0) {
      const what = csrMissing ? 'No binding uses system:masters (certificate requests could not be read)' : 'No binding or certificate request uses system:masters';
      out.push(
        result(componentId, 'pass', `${what}; certificates issued outside the API cannot be seen.`, [
          ev(EXPECTED, 'none found', csrMissing ? 'ClusterRoleBindings/RoleBindings · subjects' : 'ClusterRoleBindings/RoleBindings · subjects; CertificateSigningRequests · spec.request'),
        ]),
      );
    }
    return out;
  },
});
