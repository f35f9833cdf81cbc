import { defineCheck } from '../../types';
import { whoHolds } from './_lib/holders';
import { READ_SECRETS } from './_lib/permissions';
import { catalogue, cis, kubescape, trivy } from './_lib/refs';

export default defineCheck({
  id: 'rbac-secrets-access',
  title: 'Read access to Secrets is minimal',
  description:
    'Finds bindings that let a subject get, list or watch Secrets. Listing Secrets returns their data, so it is equivalent to reading every token and password in scope. Cluster-wide and kube-system grants fail; grants in one other namespace warn; grants limited by resourceNames warn. Built-in bindings (system: prefix or the kubernetes.io/bootstrapping=rbac-defaults label) are exempt by default and reported as not-applicable.',
  component: 'rbac',
  area: 'authn-authz',
  severity: 'high',
  tier: 'api',
  references: [cis('5.1.2'), kubescape('C-0186'), kubescape('C-0015'), trivy('KSV-0041'), trivy('KSV-0113'), catalogue('RB-02')],
  remediation:
    'Remove `secrets` from the role\'s rules or narrow it to named objects: `{apiGroups: [""], resources: ["secrets"], resourceNames: ["app-config"], verbs: ["get"]}`. Never grant `list`/`watch` on Secrets to applications; mount the Secret as a volume instead.',
  evaluate: (ctx) =>
    whoHolds(ctx, {
      perms: [READ_SECRETS],
      expected: 'no one outside the built-in policy reads Secrets',
      passMessage: 'No binding outside the built-in policy grants read access to Secrets.',
      namespacedStatus: 'warn',
    }),
});
