import type { CheckResult } from '../../types';
import { defineCheck } from '../../types';
import { PSA_AUDIT, PSA_ENFORCE, PSA_WARN, psaLevel } from './_lib/admission';
import { firstMissing, unknownResult } from './_lib/inputs';
import { CLUSTER_ID } from '../../../model/ids';
import { catalogue, k8sDocs } from './_lib/refs';
import { EXEMPT_SYSTEM_NAMESPACE, ev, result } from './_lib/result';
import { SYSTEM_NAMESPACES, isSystemNamespace } from './_lib/workloads';

const EXPECTED = 'enforce=restricted (or baseline)';

export default defineCheck({
  id: 'namespace-pod-security-level',
  title: 'Namespaces enforce a Pod Security Standard',
  description:
    'Per namespace: passes when pod-security.kubernetes.io/enforce is restricted or baseline, warns when only warn/audit labels are set, fails when enforce is privileged or missing. ' +
    'System namespaces are exempt by default and reported as not-applicable.',
  component: 'namespace',
  area: 'workloads',
  severity: 'medium',
  tier: 'api',
  references: [k8sDocs('Pod Security Admission', 'https://kubernetes.io/docs/concepts/security/pod-security-admission/'), catalogue('WL-01')],
  remediation: 'Add the label to the namespace: `metadata.labels: {pod-security.kubernetes.io/enforce: restricted}` (or `baseline` while workloads are being fixed).',
  defaultExemptNamespaces: [...SYSTEM_NAMESPACES],
  evaluate({ inv }) {
    const missing = firstMissing(inv, ['Namespace']);
    if (missing) return [unknownResult(CLUSTER_ID, missing, EXPECTED)];
    const out: CheckResult[] = [];
    for (const ns of inv.namespaces) {
      const name = ns.meta.name;
      const ref = { kind: 'Namespace', name };
      const enforce = psaLevel(ns);
      const soft = [psaLevel(ns, 'warn'), psaLevel(ns, 'audit')].filter(Boolean);
      const evidence = [
        ev(EXPECTED, enforce ?? 'unset', `Namespace ${name} · metadata.labels["${PSA_ENFORCE}"]`),
      ];
      if (soft.length > 0) evidence.push(ev('warn/audit labels as a rollout aid', soft.join(', '), `Namespace ${name} · metadata.labels["${PSA_WARN}"|"${PSA_AUDIT}"]`));
      if (isSystemNamespace(name)) {
        out.push(result(CLUSTER_ID, 'not-applicable', EXEMPT_SYSTEM_NAMESPACE, evidence, ref));
      } else if (enforce === 'restricted' || enforce === 'baseline') {
        out.push(result(CLUSTER_ID, 'pass', `Namespace ${name} enforces the ${enforce} Pod Security level.`, evidence, ref));
      } else if (!enforce && soft.length > 0) {
        out.push(result(CLUSTER_ID, 'warn', `Namespace ${name} only warns/audits Pod Security violations; nothing is blocked.`, evidence, ref));
      } else {
        out.push(result(CLUSTER_ID, 'fail', `Namespace ${name} ${enforce ? `enforces "${enforce}"` : 'has no Pod Security enforce label'}.`, evidence, ref));
      }
    }
    if (out.length === 0) out.push(result(CLUSTER_ID, 'not-applicable', 'No namespaces were found.', [ev(EXPECTED, 'no namespaces', 'Namespaces')]));
    return out;
  },
});
