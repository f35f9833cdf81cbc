import type { CheckResult } from '../../types';
import { defineCheck } from '../../types';
import { CLUSTER_ID } from '../../../model/ids';
import { preview } from './_lib/format';
import { missingInput, unknownResult } from './_lib/inputs';
import { namespaceIndex } from './_lib/namespaces';
import { catalogue, cis, kubescape, trivy } from './_lib/refs';
import { EXEMPT_SYSTEM_NAMESPACE, ev, result } from './_lib/result';
import { SYSTEM_NAMESPACES, isSystemNamespace } from './_lib/workloads';

const EXPECTED = 'at least one NetworkPolicy';

export default defineCheck({
  id: 'namespace-network-policy',
  title: 'Every namespace has a NetworkPolicy',
  description:
    'Per namespace: fails when it has no NetworkPolicy, so every pod in it accepts traffic from anywhere in the cluster. Only Kubernetes NetworkPolicy objects are read (not Calico/Cilium CRDs). ' +
    'System namespaces are exempt by default and reported as not-applicable.',
  component: 'namespace',
  area: 'network',
  severity: 'medium',
  tier: 'api',
  references: [cis('5.3.2'), kubescape('C-0206'), trivy('KSV-0038'), catalogue('NP-02')],
  remediation:
    'Start with a default-deny policy per namespace: `kind: NetworkPolicy, metadata: {name: default-deny}, spec: {podSelector: {}, policyTypes: [Ingress, Egress]}`, then allow the flows each app needs.',
  defaultExemptNamespaces: [...SYSTEM_NAMESPACES],
  evaluate({ inv }) {
    const missing = missingInput(inv, 'NetworkPolicy');
    if (missing) return [unknownResult(CLUSTER_ID, missing, EXPECTED)];
    const idx = namespaceIndex(inv);
    const out: CheckResult[] = idx.names.map((ns) => {
      const ref = { kind: 'Namespace', name: ns };
      const policies = idx.policies.get(ns) ?? [];
      const evidence = [ev(EXPECTED, policies.length ? `${policies.length}: ${preview(policies.map((p) => p.meta.name))}` : 'none', `NetworkPolicies in ${ns}`)];
      if (isSystemNamespace(ns)) return result(CLUSTER_ID, 'not-applicable', EXEMPT_SYSTEM_NAMESPACE, evidence, ref);
      if (policies.length === 0) return result(CLUSTER_ID, 'fail', `Namespace ${ns} has no NetworkPolicy: its pods accept traffic from anywhere.`, evidence, ref);
      return result(CLUSTER_ID, 'pass', `Namespace ${ns} has ${policies.length} NetworkPolicy object(s).`, evidence, ref);
    });
    if (out.length === 0) out.push(result(CLUSTER_ID, 'not-applicable', 'No namespaces were found.', [ev(EXPECTED, 'no namespaces', 'Namespaces')]));
    return out;
  },
});
