import { defineCheck } from '../../types';
import { policyEngineWebhooks, psaLevel } from './_lib/admission';
import { apiserverComponentId } from './_lib/components';
import { preview } from './_lib/format';
import { firstMissing, missingInput, unknownResult } from './_lib/inputs';
import { catalogue, cis, kubescape } from './_lib/refs';
import { ev, result } from './_lib/result';
import { SYSTEM_NAMESPACES, isSystemNamespace } from './_lib/workloads';

const EXPECTED = 'Pod Security enforce label on every namespace, or a policy engine admitting pods';

/**
 * One cluster-level verdict: is *something* standing between a manifest and a privileged pod?
 * Either PSA `enforce` labels everywhere, or a policy engine webhook (Kyverno, Gatekeeper,
 * Kubewarden…) that sees pod creation.
 */
export default defineCheck({
  id: 'pod-admission-policy',
  title: 'A pod admission policy is in force',
  description:
    'Passes when every non-system namespace carries a pod-security.kubernetes.io/enforce label, or when a policy engine (Kyverno, Gatekeeper, Kubewarden, jsPolicy…) has a webhook on pod creation; warns when only some namespaces are labelled; fails when neither exists. ' +
    'Cluster-wide PSA defaults from the API server\'s admission configuration file and ValidatingAdmissionPolicies are not visible through this check.',
  component: 'kube-apiserver',
  area: 'workloads',
  severity: 'medium',
  tier: 'api',
  references: [cis('5.2.1'), kubescape('C-0192'), catalogue('WL-01')],
  remediation:
    'Label each application namespace: `kubectl label namespace <ns> pod-security.kubernetes.io/enforce=baseline` (or `restricted`), or install a policy engine such as Kyverno or Gatekeeper with pod security policies.',
  defaultExemptNamespaces: [...SYSTEM_NAMESPACES],
  evaluate({ inv, arch }) {
    const componentId = apiserverComponentId(arch);
    const missing = firstMissing(inv, ['Namespace']);
    if (missing) return [unknownResult(componentId, missing, EXPECTED)];
    const userNs = inv.namespaces.filter((n) => !isSystemNamespace(n.meta.name));
    const unlabelled = userNs.filter((n) => !psaLevel(n)).map((n) => n.meta.name);
    const engines = missingInput(inv, 'ValidatingWebhookConfiguration') ? [] : policyEngineWebhooks(inv.webhooks);
    const evidence = [
      ev('enforce label on every namespace', unlabelled.length === 0 ? `all ${userNs.length} labelled` : `unlabelled: ${preview(unlabelled)}`, 'Namespaces · metadata.labels["pod-security.kubernetes.io/enforce"]'),
      ev('a policy engine webhook on pods', engines.length ? preview(engines.map((e) => `${e.config.kind} ${e.config.meta.name}`), 3) : 'none found', 'ValidatingWebhookConfigurations/MutatingWebhookConfigurations · webhooks[].rules'),
    ];
    if (userNs.length === 0)
      return [result(componentId, 'not-applicable', 'Only system namespaces exist; there is nothing to admit yet.', evidence)];
    if (engines.length > 0)
      return [result(componentId, 'pass', `A policy engine admits pods (${engines[0]?.config.meta.name ?? ''}).`, evidence)];
    if (unlabelled.length === 0)
      return [result(componentId, 'pass', `All ${userNs.length} application namespaces enforce a Pod Security level.`, evidence)];
    if (unlabelled.length < userNs.length)
      return [result(componentId, 'warn', `${unlabelled.length} of ${userNs.length} namespaces have no Pod Security enforce label and no policy engine covers them.`, evidence)];
    return [result(componentId, 'fail', 'No namespace enforces Pod Security and no policy engine webhook admits pods (cluster-wide PSA defaults, if any, are not visible).', evidence)];
  },
});
