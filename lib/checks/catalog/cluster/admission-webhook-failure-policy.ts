import type { CheckResult, Evidence } from '../../types';
import { defineCheck } from '../../types';
import type { WebhookInfo } from '../../../model/inventory';
import { POLICY_ENGINE } from './_lib/admission';
import { apiserverComponentId } from './_lib/components';
import { missingInput, unknownResult } from './_lib/inputs';
import { catalogue, kubescape } from './_lib/refs';
import { ev, result, worst } from './_lib/result';
import { isEmptySelector } from './_lib/selectors';

/** Resources whose admission matters for security: pods and their controllers, RBAC, Secrets, policies. */
const SECURITY_RESOURCES = new Set([
  '*', '*/*', 'pods', 'deployments', 'daemonsets', 'statefulsets', 'replicasets', 'jobs', 'cronjobs',
  'secrets', 'serviceaccounts', 'roles', 'rolebindings', 'clusterroles', 'clusterrolebindings', 'networkpolicies', 'namespaces',
]);

type Hook = WebhookInfo['webhooks'][number];

function securityResources(w: Hook): string[] {
  return [...new Set(w.rules.flatMap((r) => r.resources.filter((res) => SECURITY_RESOURCES.has(res))))];
}

/**
 * Third-party admission webhooks are integrations with cluster-wide reach. Two patterns matter:
 * a *policy* webhook that fails open (`Ignore`) is a security control that vanishes when its pod
 * is down, and a mutating webhook on everything without a namespace selector sees every Secret
 * and can change every pod.
 */
export default defineCheck({
  id: 'admission-webhook-failure-policy',
  title: 'Admission webhooks fail closed and are narrowly scoped',
  description:
    'Per webhook configuration: fails when a policy-engine webhook (Kyverno, Gatekeeper, Kubewarden…) on pods, RBAC or Secrets uses failurePolicy: Ignore; warns when another webhook on those resources fails open, or when a mutating webhook intercepts all resources and operations with no namespaceSelector; passes otherwise.',
  component: 'kube-apiserver',
  area: 'addons',
  severity: 'medium',
  tier: 'api',
  references: [kubescape('C-0036'), kubescape('C-0039'), catalogue('AD-04')],
  remediation:
    'Set `failurePolicy: Fail` on policy webhooks (run the webhook with 2+ replicas and a PodDisruptionBudget), and scope broad webhooks with `namespaceSelector: {matchExpressions: [{key: kubernetes.io/metadata.name, operator: NotIn, values: [kube-system]}]}` and explicit `rules[].resources`.',
  evaluate({ inv, arch }) {
    const componentId = apiserverComponentId(arch);
    const missing = missingInput(inv, 'ValidatingWebhookConfiguration') ?? missingInput(inv, 'MutatingWebhookConfiguration');
    if (missing) return [unknownResult(componentId, missing, 'admission webhooks fail closed')];
    const out: CheckResult[] = [];
    for (const cfg of inv.webhooks) {
      const ref = { kind: cfg.kind, name: cfg.meta.name };
      const statuses: ('pass' | 'warn' | 'fail')[] = [];
      const evidence: Evidence[] = [];
      const notes: string[] = [];
      cfg.webhooks.forEach((w, i) => {
        const src = `${cfg.kind} ${cfg.meta.name} · webhooks[${i}]`;
        const res = securityResources(w);
        const policy = POLICY_ENGINE.test(`${cfg.meta.name} ${w.name} ${w.service?.namespace ?? ''}`);
        if (w.failurePolicy === 'Ignore' && res.length > 0) {
          const status = policy ? 'fail' : 'warn';
          statuses.push(status);
          notes.push(`${w.name} fails open on ${res.join(', ')}`);
          evidence.push(ev('failurePolicy: Fail for security-relevant resources', `Ignore (${res.join(', ')})`, `${src}.failurePolicy`));
        }
        const everything = w.rules.some((r) => r.resources.some((x) => x === '*' || x === '*/*') && r.operations.includes('*'));
        if (cfg.kind === 'MutatingWebhookConfiguration' && everything && isEmptySelector(w.namespaceSelector)) {
          statuses.push('warn');
          notes.push(`${w.name} mutates every resource in every namespace`);
          evidence.push(ev('explicit resources and a namespaceSelector', 'resources ["*"], operations ["*"], no namespaceSelector', `${src}.rules`));
        }
      });
      const status = worst(statuses);
      if (status === 'pass') {
        evidence.push(ev('fails closed and narrowly scoped', `${cfg.webhooks.length} webhook(s) as expected`, `${cfg.kind} ${cfg.meta.name} · webhooks`));
        out.push(result(componentId, 'pass', `${cfg.kind} ${cfg.meta.name} fails closed and is scoped.`, evidence, ref));
      } else {
        out.push(result(componentId, status, `${cfg.kind} ${cfg.meta.name}: ${notes.join('; ')}.`, evidence, ref));
      }
    }
    if (out.length === 0) out.push(result(componentId, 'pass', 'No admission webhooks are configured.', [ev('admission webhooks reviewed', 'none', 'Validating/MutatingWebhookConfigurations')]));
    return out;
  },
});
