import { type Evidence, defineCheck } from '../../types';
import { preview } from './_lib/format';
import { missingInput } from './_lib/inputs';
import { type Coverage, coverageIndex } from './_lib/netpol';
import { catalogue, kubescape, polaris } from './_lib/refs';
import { ev } from './_lib/result';
import { describeSelector } from './_lib/selectors';
import { type WorkloadTarget, SYSTEM_NAMESPACES, fieldSource, metadataPath, readsOwnObject } from './_lib/workloads';
import { evaluateWorkloads } from './_lib/workload-check';

const EXPECTED = 'selected by a policy for Ingress and for Egress';
const LABELS_EXPECTED = 'labels a policy can select';

const NO_COVERAGE: Coverage = Object.freeze({ ingress: [], egress: [] });
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

/** `app=api, tier=web`, once per label map (workloads and their pods share one); one flat string. */
function labelsTextOf(labels: Record<string, string>): string {
  let text = labelTexts.get(labels);
  if (text === undefined) {
    const parts: string[] = [];
    for (const k in labels) if (Object.prototype.hasOwnProperty.call(labels, k)) parts.push(`${k}=${labels[k]}`);
    text = parts.length > 0 ? parts.join(', ') : 'no labels';
    labelTexts.set(labels, text);
  }
  return text;
}

/**
 * The labels evidence of a passing workload: per label map and spec path, shared by every workload
 * whose spec is its own object's (the finding names the object; see readsOwnObject).
 */
const sharedLabelEvidence = new WeakMap<Record<string, string>, Map<string, Evidence>>();
function passLabelsEvidence(t: WorkloadTarget): Evidence {
  if (!readsOwnObject(t)) return ev(LABELS_EXPECTED, labelsTextOf(t.labels), `${t.label} · ${metadataPath(t.specPath)}.labels`);
  let bySpecPath = sharedLabelEvidence.get(t.labels);
  if (bySpecPath === undefined) sharedLabelEvidence.set(t.labels, (bySpecPath = new Map()));
  let e = bySpecPath.get(t.specPath);
  if (e === undefined) bySpecPath.set(t.specPath, (e = Object.freeze(ev(LABELS_EXPECTED, labelsTextOf(t.labels), `${metadataPath(t.specPath)}.labels`))));
  return e;
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
    // What selects a workload: per namespace and distinct coverage, shared by its workloads.
    const coverageEvidence = new Map<string, Map<Coverage, Evidence>>();
    const policyEvidence = (ns: string, cov: Coverage): Evidence => {
      let byCoverage = coverageEvidence.get(ns);
      if (byCoverage === undefined) coverageEvidence.set(ns, (byCoverage = new Map()));
      let e = byCoverage.get(cov);
      if (e === undefined) byCoverage.set(cov, (e = Object.freeze(ev(EXPECTED, coverageText(cov), `NetworkPolicies in ${ns} · spec.podSelector`))));
      return e;
    };
    return evaluateWorkloads(ctx, {
      exempt: SYSTEM_NAMESPACES,
      judge(t) {
        if (missing) return { status: 'unknown', message: `Cannot evaluate: ${missing}`, evidence: [ev(EXPECTED, 'NetworkPolicies not readable', missing)] };
        if (t.spec.hostNetwork)
          return { status: 'fail', message: `${t.ref.kind} ${t.ref.name} uses the host network, which NetworkPolicy does not restrict.`, evidence: [ev(EXPECTED, 'hostNetwork: true', fieldSource(t, 'hostNetwork'))] };
        const cov = coverage.get(t) ?? NO_COVERAGE;
        const policyEv = policyEvidence(t.ref.namespace, cov);
        if (cov.ingress.length > 0 && cov.egress.length > 0)
          return { status: 'pass', message: 'Selected by NetworkPolicies for ingress and egress.', evidence: [policyEv, passLabelsEvidence(t)] };
        const evidence = [policyEv, ev(LABELS_EXPECTED, labelsTextOf(t.labels), `${t.label} · ${metadataPath(t.specPath)}.labels`)];
        if (cov.ingress.length > 0 || cov.egress.length > 0)
          return { status: 'warn', message: `${t.ref.kind} ${t.ref.name} is isolated for ${cov.ingress.length ? 'ingress' : 'egress'} only.`, evidence };
        return { status: 'fail', message: `No NetworkPolicy selects ${t.ref.kind} ${t.ref.name}: its pods accept and send any traffic.`, evidence };
      },
    });
  },
});
