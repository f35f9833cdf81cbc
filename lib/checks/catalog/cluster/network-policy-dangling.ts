import type { CheckResult } from '../../types';
import { defineCheck } from '../../types';
import { CLUSTER_ID } from '../../../model/ids';
import { preview, refLabel } from './_lib/format';
import { firstMissing, unknownResult } from './_lib/inputs';
import { labelSets } from './_lib/netpol';
import { describeSelector, selectorMatches } from './_lib/selectors';
import { catalogue, kubescape } from './_lib/refs';
import { ev, result } from './_lib/result';
import { workloadIndex } from './_lib/workloads';

const EXPECTED = 'podSelector matches at least one workload';

/**
 * A policy that selects nothing is usually a typo in a label (`app: web` vs `app: frontend`), and
 * the pods it was meant to protect are open. Each distinct label set of the namespace is tried
 * once, stopping at the first match.
 */
export default defineCheck({
  id: 'network-policy-dangling',
  title: 'NetworkPolicies select existing pods',
  description:
    'Per NetworkPolicy: fails when its spec.podSelector matches no workload or pod in its namespace (a dangling policy protects nothing).',
  component: 'namespace',
  area: 'network',
  severity: 'low',
  tier: 'api',
  references: [kubescape('C-0299'), catalogue('NP-05')],
  remediation: 'Fix `spec.podSelector` to match the intended pod labels (compare with `kubectl get pods --show-labels`) or delete the unused policy.',
  evaluate({ inv }) {
    const missing = firstMissing(inv, ['NetworkPolicy', 'Pod']);
    if (missing) return [unknownResult(CLUSTER_ID, missing, EXPECTED)];
    const byNs = workloadIndex(inv).byNamespace;
    const sets = labelSets(inv);
    const out: CheckResult[] = inv.networkPolicies.map((p) => {
      const ns = p.meta.namespace ?? '';
      const ref = { kind: 'NetworkPolicy', namespace: ns, name: p.meta.name };
      const workloads = byNs.get(ns) ?? [];
      // An empty podSelector selects every pod of the namespace, present and future: a baseline
      // (default deny) that protects an empty namespace is doing its job, not dangling.
      if (Object.keys(p.podSelector.matchLabels ?? {}).length === 0 && (p.podSelector.matchExpressions ?? []).length === 0) {
        return result(CLUSTER_ID, 'pass', `${refLabel(ref)} selects every pod of namespace ${ns}, including future ones.`, [ev(EXPECTED, 'empty podSelector: all pods of the namespace', `${refLabel(ref)} · spec.podSelector`)], ref);
      }
      const match = (sets.get(ns) ?? []).find((s) => selectorMatches(p.podSelector, s.labels))?.targets[0];
      const evidence = [ev(EXPECTED, match ? `selects ${refLabel(match.ref)}` : `matches none of ${workloads.length} workloads`, `${refLabel(ref)} · spec.podSelector (${describeSelector(p.podSelector)})`)];
      if (match) return result(CLUSTER_ID, 'pass', `${refLabel(ref)} selects ${refLabel(match.ref)}.`, evidence, ref);
      const nearby = preview(workloads.map((t) => t.ref.name), 3);
      return result(CLUSTER_ID, 'fail', `${refLabel(ref)} selects no pods${workloads.length ? ` (workloads here: ${nearby})` : ''}.`, evidence, ref);
    });
    if (out.length === 0) out.push(result(CLUSTER_ID, 'not-applicable', 'No NetworkPolicies exist.', [ev(EXPECTED, 'no policies', 'NetworkPolicies')]));
    return out;
  },
});
