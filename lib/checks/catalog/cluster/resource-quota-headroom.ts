import type { CheckResult } from '../../types';
import { defineCheck } from '../../types';
import { CLUSTER_ID } from '../../../model/ids';
import { preview } from './_lib/format';
import { missingInput, unknownResult } from './_lib/inputs';
import { parseQuantity } from './_lib/quantity';
import { ev, result } from './_lib/result';
import { catalogue, k8sDocs } from './_lib/refs';

const WARN_RATIO = 0.9;

/**
 * An operations signal next to the security ones: a quota at its cap rejects new pods, which
 * looks like an outage (and blocks security rollouts). Informational severity.
 */
export default defineCheck({
  id: 'resource-quota-headroom',
  title: 'ResourceQuotas have headroom',
  description: `Per ResourceQuota: fails when any resource is at or over its hard limit (new objects are rejected), warns at ${WARN_RATIO * 100}% or more, passes otherwise.`,
  component: 'namespace',
  area: 'resources',
  severity: 'info',
  tier: 'api',
  references: [k8sDocs('Resource quotas', 'https://kubernetes.io/docs/concepts/policy/resource-quotas/'), catalogue('NS-05')],
  remediation: 'Raise the limit in `spec.hard` (e.g. `pods: "150"`) or free capacity by scaling down or deleting unused objects in the namespace.',
  evaluate({ inv }) {
    const missing = missingInput(inv, 'ResourceQuota');
    if (missing) return [unknownResult(CLUSTER_ID, missing, 'quota usage below its limits')];
    const out: CheckResult[] = [];
    for (const q of inv.resourceQuotas) {
      const ns = q.meta.namespace ?? '';
      const ref = { kind: 'ResourceQuota', namespace: ns, name: q.meta.name };
      const usage = Object.entries(q.hard).flatMap(([key, hardText]) => {
        const hard = parseQuantity(hardText);
        const used = parseQuantity(q.used[key]);
        // `hard: 0` is a deliberate ban (e.g. `services.loadbalancers: "0"`), not a capacity limit.
        if (hard === undefined || used === undefined || hard === 0) return [];
        const ratio = used / hard;
        return [{ key, hardText, usedText: q.used[key] ?? '0', ratio }];
      });
      const full = usage.filter((u) => u.ratio >= 1);
      const near = usage.filter((u) => u.ratio >= WARN_RATIO && u.ratio < 1);
      const shown = [...full, ...near];
      const evidence = (shown.length ? shown : usage.slice(0, 3)).map((u) =>
        ev(`used below ${WARN_RATIO * 100}% of hard`, `${u.usedText} of ${u.hardText}`, `ResourceQuota ${ns}/${q.meta.name} · status.used["${u.key}"]`),
      );
      if (evidence.length === 0) evidence.push(ev('usage reported', 'no status.used yet', `ResourceQuota ${ns}/${q.meta.name} · status.used`));
      if (full.length) out.push(result(CLUSTER_ID, 'fail', `Quota ${ns}/${q.meta.name} is exhausted for ${preview(full.map((u) => u.key))}: new objects are rejected.`, evidence, ref));
      else if (near.length) out.push(result(CLUSTER_ID, 'warn', `Quota ${ns}/${q.meta.name} is nearly exhausted for ${preview(near.map((u) => u.key))}.`, evidence, ref));
      else out.push(result(CLUSTER_ID, 'pass', `Quota ${ns}/${q.meta.name} has headroom.`, evidence, ref));
    }
    if (out.length === 0) out.push(result(CLUSTER_ID, 'not-applicable', 'No ResourceQuotas exist (see namespace-resource-quota).', [ev('ResourceQuotas', 'none', 'ResourceQuotas')]));
    return out;
  },
});
