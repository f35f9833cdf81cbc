import { defineCheck } from '../../types';
import { preview } from './_lib/format';
import { missingInput } from './_lib/inputs';
import { type Coverage, coverageIndex } from './_lib/netpol';
import { catalogue, kubescape, polaris } from './_lib/refs';
import { ev } from './_lib/result';
import { describeSelector } from './_lib/selectors';
import { SYSTEM_NAMESPACES, fieldSource, metadataPath } from './_lib/workloads';
import { evaluateWorkloads } from './_lib/workload-check';

const EXPECTED = 'selected by a policy for Ingress and for Egress';

const labelTexts = new WeakMap<Record<string, string>, string>();
const coverageTexts = new WeakMap<Coverage, string>();

/** `ingress: default-deny ({} (all pods)); egress: default-deny`, once per distinct coverage. */
function coverageText(cov: Coverage): string {
  let text = coverageTexts.get(cov);
  if (text === undefined) {
    text = `ingress: ${preview(cov.ingress.map((p) => `${p.meta.name} (${describeSelector(p.podSelector)})`), 3)}; egress: ${preview(cov.egress.map((p) => p.meta.name), 3)}`;
    coverageTexts.set(cov, text);
  }
  return text;
}

/** `app=api, tier=web`, once per label map (workloads and their pods share one). */
function labelsTextOf(labels: Record<string, string>): string {
  let text = labelTexts.get(labels);
  if (text === undefined) {
    text = '';
    for (const k in labels) if (Object.prototype.hasOwnProperty.call(labels, k)) text += `${text ? ', ' : ''}${k}=${labels[k]}`;
    text ||= 'no labels';
    labelTexts.set(labels, text);
  }
  return text;
}

/**
 * Selection is evaluated on the pod template's labels with full selector semantics
 * (matchLabels + In/NotIn/Exists/DoesNotExist). Pods on the host network are outside
 * NetworkPolicy entirely, so they fail regardless of selection.
 */
export default defineCheck({
  id: 'workload-network-policy',
  title: 'Every workload is isolated by a NetworkPolicy',
  description:
    'Per workload: passes when a NetworkPolicy in its namespace selects its pods for both Ingress and Egress; warns when only one direction is covered; fails when none selects it, or when it uses the host network (which NetworkPolicy cannot restrict). ' +
    'System namespaces are exempt by default and reported as not-applicable.',
  component: 'workload',
  area: 'network',
  severity: 'medium',
  tier: 'api',
  references: [kubescape('C-0260'), polaris('missingNetworkPolicy'), catalogue('NP-04')],
  remediation:
    'Add a policy whose `spec.podSelector` matches the pod labels (e.g. `podSelector: {matchLabels: {app: api}}`) with `policyTypes: [Ingress, Egress]` and the allowed peers, or a namespace-wide default deny (`podSelector: {}`).',
  defaultExemptNamespaces: [...SYSTEM_NAMESPACES],
  evaluate(ctx) {
    const missing = missingInput(ctx.inv, 'NetworkPolicy');
    const coverage = coverageIndex(ctx.inv);
    const policySources = new Map<string, string>();
    const policySource = (ns: string): string => {
      let s = policySources.get(ns);
      if (s === undefined) policySources.set(ns, (s = `NetworkPolicies in ${ns} · spec.podSelector`));
      return s;
    };
    return evaluateWorkloads(ctx, {
      exempt: SYSTEM_NAMESPACES,
      judge(t) {
        if (missing) return { status: 'unknown', message: `Cannot evaluate: ${missing}`, evidence: [ev(EXPECTED, 'NetworkPolicies not readable', missing)] };
        if (t.spec.hostNetwork)
          return { status: 'fail', message: `${t.ref.kind} ${t.ref.name} uses the host network, which NetworkPolicy does not restrict.`, evidence: [ev(EXPECTED, 'hostNetwork: true', fieldSource(t, 'hostNetwork'))] };
        const cov = coverage.get(t) ?? { ingress: [], egress: [] };
        const labelsText = labelsTextOf(t.labels);
        const evidence = [
          ev(EXPECTED, coverageText(cov), policySource(t.ref.namespace)),
          ev('labels a policy can select', labelsText, `${t.label} · ${metadataPath(t.specPath)}.labels`),
        ];
        if (cov.ingress.length > 0 && cov.egress.length > 0)
          return { status: 'pass', message: 'Selected by NetworkPolicies for ingress and egress.', evidence };
        if (cov.ingress.length > 0 || cov.egress.length > 0)
          return { status: 'warn', message: `${t.ref.kind} ${t.ref.name} is isolated for ${cov.ingress.length ? 'ingress' : 'egress'} only.`, evidence };
        return { status: 'fail', message: `No NetworkPolicy selects ${t.ref.kind} ${t.ref.name}: its pods accept and send any traffic.`, evidence };
      },
    });
  },
});
