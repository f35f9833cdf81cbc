import type { CheckResult } from '../../types';
import { defineCheck } from '../../types';
import { CLUSTER_ID } from '../../../model/ids';
import { preview } from './_lib/format';
import { missingInput, unknownResult } from './_lib/inputs';
import { namespaceIndex } from './_lib/namespaces';
import { catalogue, nsa, trivy } from './_lib/refs';
import { EXEMPT_SYSTEM_NAMESPACE, ev, result } from './_lib/result';
import { SYSTEM_NAMESPACES, isSystemNamespace } from './_lib/workloads';

const EXPECTED = 'a ResourceQuota limiting CPU, memory and pod count';

/** Any of these keys caps the dimension; a quota may cap requests, limits or both. */
const DIMENSIONS: { label: string; keys: string[] }[] = [
  { label: 'CPU', keys: ['requests.cpu', 'limits.cpu', 'cpu'] },
  { label: 'memory', keys: ['requests.memory', 'limits.memory', 'memory'] },
  { label: 'pod count', keys: ['pods', 'count/pods'] },
];

/**
 * Only unscoped quotas count: a quota scoped to `BestEffort` or a PriorityClass leaves other pods
 * unlimited. Scoped quotas are still shown in the evidence.
 */
export default defineCheck({
  id: 'namespace-resource-quota',
  title: 'Namespaces have a ResourceQuota for CPU, memory and pods',
  description:
    'Per namespace: fails when no ResourceQuota exists; warns when the unscoped quotas leave CPU, memory or the pod count uncapped; passes when all three are capped. ' +
    'System namespaces are exempt by default and reported as not-applicable.',
  component: 'namespace',
  area: 'resources',
  severity: 'medium',
  tier: 'api',
  references: [nsa('Kubernetes Hardening Guide: resource policies'), trivy('KSV-0040'), catalogue('NS-01')],
  remediation:
    'Create a quota per namespace, e.g. `kind: ResourceQuota, spec: {hard: {requests.cpu: "8", requests.memory: 16Gi, limits.memory: 32Gi, pods: "100"}}`.',
  defaultExemptNamespaces: [...SYSTEM_NAMESPACES],
  evaluate({ inv }) {
    const missing = missingInput(inv, 'ResourceQuota');
    if (missing) return [unknownResult(CLUSTER_ID, missing, EXPECTED)];
    const idx = namespaceIndex(inv);
    const out: CheckResult[] = idx.names.map((ns) => {
      const ref = { kind: 'Namespace', name: ns };
      const quotas = idx.quotas.get(ns) ?? [];
      const unscoped = quotas.filter((q) => q.scopes.length === 0);
      const keys = new Set(unscoped.flatMap((q) => Object.keys(q.hard)));
      const uncapped = DIMENSIONS.filter((d) => !d.keys.some((k) => keys.has(k))).map((d) => d.label);
      const evidence = [
        ev(EXPECTED, quotas.length ? quotas.map((q) => `${q.meta.name}: ${Object.keys(q.hard).join(', ') || 'no limits'}${q.scopes.length ? ` (scoped: ${q.scopes.join(', ')})` : ''}`).join('; ') : 'no ResourceQuota', `ResourceQuotas in ${ns} · spec.hard`),
      ];
      if (isSystemNamespace(ns)) return result(CLUSTER_ID, 'not-applicable', EXEMPT_SYSTEM_NAMESPACE, evidence, ref);
      const nsMissing = missingInput(inv, 'ResourceQuota', ns);
      if (nsMissing) return result(CLUSTER_ID, 'unknown', `Cannot evaluate: ${nsMissing}`, evidence, ref);
      if (quotas.length === 0) return result(CLUSTER_ID, 'fail', `Namespace ${ns} has no ResourceQuota.`, evidence, ref);
      if (uncapped.length > 0) return result(CLUSTER_ID, 'warn', `Namespace ${ns} quotas leave ${preview(uncapped)} uncapped.`, evidence, ref);
      return result(CLUSTER_ID, 'pass', `Namespace ${ns} caps CPU, memory and pod count.`, evidence, ref);
    });
    if (out.length === 0) out.push(result(CLUSTER_ID, 'not-applicable', 'No namespaces were found.', [ev(EXPECTED, 'no namespaces', 'Namespaces')]));
    return out;
  },
});
