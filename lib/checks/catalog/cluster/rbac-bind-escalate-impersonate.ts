import { defineCheck } from '../../types';
import { whoHolds } from './_lib/holders';
import { ESCALATE_BIND, IMPERSONATE } from './_lib/permissions';
import { catalogue, cis, kubescape, trivy } from './_lib/refs';

export default defineCheck({
  id: 'rbac-bind-escalate-impersonate',
  title: 'bind, escalate and impersonate are not granted',
  description:
    'Finds bindings that grant the bind or escalate verbs on roles and clusterroles, or impersonate on users, groups, service accounts or user extras. Each of these lets the holder act with more privileges than the role itself grants. Built-in bindings (system: prefix or the kubernetes.io/bootstrapping=rbac-defaults label) are exempt by default and reported as not-applicable.',
  component: 'rbac',
  area: 'authn-authz',
  severity: 'high',
  tier: 'api',
  references: [cis('5.1.8'), kubescape('C-0191'), kubescape('C-0065'), trivy('KSV-0043'), trivy('KSV-0050'), catalogue('RB-08')],
  remediation:
    'Remove `bind`, `escalate` and `impersonate` from the rule\'s `verbs`, and replace `verbs: ["*"]` on `roles`/`clusterroles`/`users`/`groups`/`serviceaccounts` with the exact verbs needed, e.g. `verbs: ["get", "list"]`.',
  evaluate: (ctx) =>
    whoHolds(ctx, {
      perms: [ESCALATE_BIND, IMPERSONATE],
      expected: 'no one outside the built-in policy can bind, escalate or impersonate',
      passMessage: 'No binding outside the built-in policy grants bind, escalate or impersonate.',
    }),
});
