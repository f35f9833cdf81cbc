import type { CheckResult, Evidence } from '../../types';
import { defineCheck } from '../../types';
import type { NetworkPolicyInfo } from '../../../model/inventory';
import { CLUSTER_ID } from '../../../model/ids';
import { missingInput, unknownResult } from './_lib/inputs';
import { namespaceIndex } from './_lib/namespaces';
import { appliesTo } from './_lib/netpol';
import { catalogue, kubescape } from './_lib/refs';
import { EXEMPT_SYSTEM_NAMESPACE, ev, result } from './_lib/result';
import { isEmptySelector } from './_lib/selectors';
import { SYSTEM_NAMESPACES, isSystemNamespace } from './_lib/workloads';

const EXPECTED = 'a policy with podSelector {} and no rules for Ingress and for Egress';

/** Selects every pod and lists the direction with no rules: denies that direction by default. */
function deniesAll(p: NetworkPolicyInfo, d: 'Ingress' | 'Egress'): boolean {
  return isEmptySelector(p.podSelector) && appliesTo(p, d) && (d === 'Ingress' ? p.ingress.length === 0 : p.egress.length === 0);
}

/** Selects every pod and has a rule with no peers: allows that direction from/to anywhere. */
function allowsAll(p: NetworkPolicyInfo, d: 'Ingress' | 'Egress'): boolean {
  if (!isEmptySelector(p.podSelector) || !appliesTo(p, d)) return false;
  const rules = d === 'Ingress' ? p.ingress.map((r) => r.from) : p.egress.map((r) => r.to);
  return rules.some((peers) => peers.length === 0);
}

export default defineCheck({
  id: 'namespace-default-deny',
  title: 'Namespaces deny ingress and egress by default',
  description:
    'Per namespace: passes with default-deny policies for both ingress and egress; warns when only one direction is denied, or when an allow-all policy for every pod cancels the default deny; fails when neither direction is denied. ' +
    'System namespaces are exempt by default and reported as not-applicable.',
  component: 'namespace',
  area: 'network',
  severity: 'medium',
  tier: 'api',
  references: [kubescape('C-0030'), catalogue('NP-03')],
  remediation:
    'Add `kind: NetworkPolicy, metadata: {name: default-deny-all}, spec: {podSelector: {}, policyTypes: [Ingress, Egress]}` to the namespace, plus an egress rule allowing DNS to kube-system.',
  defaultExemptNamespaces: [...SYSTEM_NAMESPACES],
  evaluate({ inv }) {
    const missing = missingInput(inv, 'NetworkPolicy');
    if (missing) return [unknownResult(CLUSTER_ID, missing, EXPECTED)];
    const idx = namespaceIndex(inv);
    const out: CheckResult[] = idx.names.map((ns) => {
      const ref = { kind: 'Namespace', name: ns };
      const policies = idx.policies.get(ns) ?? [];
      const state = (d: 'Ingress' | 'Egress') => ({
        deny: policies.find((p) => deniesAll(p, d)),
        allow: policies.find((p) => allowsAll(p, d)),
      });
      const ing = state('Ingress');
      const egr = state('Egress');
      const evidence: Evidence[] = (['Ingress', 'Egress'] as const).map((d) => {
        const s = d === 'Ingress' ? ing : egr;
        const actual = s.deny ? `denied by ${s.deny.meta.name}${s.allow ? `, but ${s.allow.meta.name} allows all` : ''}` : 'no default deny';
        return ev(EXPECTED, actual, `NetworkPolicies in ${ns} · spec.policyTypes[${d}]`);
      });
      if (isSystemNamespace(ns)) return result(CLUSTER_ID, 'not-applicable', EXEMPT_SYSTEM_NAMESPACE, evidence, ref);
      const ingressDenied = ing.deny && !ing.allow;
      const egressDenied = egr.deny && !egr.allow;
      if (ingressDenied && egressDenied) return result(CLUSTER_ID, 'pass', `Namespace ${ns} denies ingress and egress by default.`, evidence, ref);
      if (ingressDenied || egressDenied)
        return result(CLUSTER_ID, 'warn', `Namespace ${ns} denies ${ingressDenied ? 'ingress' : 'egress'} by default but not ${ingressDenied ? 'egress' : 'ingress'}.`, evidence, ref);
      if (ing.deny || egr.deny) return result(CLUSTER_ID, 'warn', `Namespace ${ns} has a default deny that an allow-all policy cancels.`, evidence, ref);
      return result(CLUSTER_ID, 'fail', `Namespace ${ns} has no default-deny policy.`, evidence, ref);
    });
    if (out.length === 0) out.push(result(CLUSTER_ID, 'not-applicable', 'No namespaces were found.', [ev(EXPECTED, 'no namespaces', 'Namespaces')]));
    return out;
  },
});
