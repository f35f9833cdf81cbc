import { defineCheck } from '../../types';
import { whoHolds } from './_lib/holders';
import { WRITE_ADMISSION } from './_lib/permissions';
import { catalogue, cis, kubescape, trivy } from './_lib/refs';

export default defineCheck({
  id: 'rbac-admission-config-write',
  title: 'Changing admission webhooks is limited',
  description:
    'Finds ClusterRoleBindings that can create, change or delete Validating/MutatingWebhookConfigurations or ValidatingAdmissionPolicies. Whoever controls admission can switch off policy enforcement or inject containers into every new pod. Built-in bindings (system: prefix or the kubernetes.io/bootstrapping=rbac-defaults label) are exempt by default and reported as not-applicable.',
  component: 'rbac',
  area: 'authn-authz',
  severity: 'high',
  tier: 'api',
  references: [cis('5.1.12'), kubescape('C-0281'), trivy('KSV-0114'), catalogue('RB-12')],
  remediation:
    'Keep write verbs on `validatingwebhookconfigurations`/`mutatingwebhookconfigurations` for the installer only; other roles get `verbs: ["get", "list", "watch"]`. Operators that patch their own caBundle can be limited with `resourceNames: ["<their-webhook>"]`.',
  evaluate: (ctx) =>
    whoHolds(ctx, {
      perms: [WRITE_ADMISSION],
      expected: 'only cluster operators change admission configuration',
      passMessage: 'No binding outside the built-in policy can change admission webhooks.',
    }),
});
