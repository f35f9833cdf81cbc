import { defineCheck } from '../../types';
import { whoHolds } from './_lib/holders';
import { CREATE_SA_TOKEN } from './_lib/permissions';
import { catalogue, cis, kubescape } from './_lib/refs';

export default defineCheck({
  id: 'rbac-token-create',
  title: 'Minting service account tokens is limited',
  description:
    'Finds bindings that grant create on serviceaccounts/token. The holder can mint a token for any service account in scope and act as it. Cluster-wide and kube-system grants fail; grants in one other namespace warn. Built-in bindings (system: prefix or the kubernetes.io/bootstrapping=rbac-defaults label) are exempt by default and reported as not-applicable.',
  component: 'rbac',
  area: 'authn-authz',
  severity: 'medium',
  tier: 'api',
  references: [cis('5.1.13'), kubescape('C-0282'), catalogue('RB-13')],
  remediation:
    'Remove `serviceaccounts/token` from the role, or limit it to one account: `{apiGroups: [""], resources: ["serviceaccounts/token"], resourceNames: ["ci-deployer"], verbs: ["create"]}`.',
  evaluate: (ctx) =>
    whoHolds(ctx, {
      perms: [CREATE_SA_TOKEN],
      expected: 'no one outside the built-in policy mints service account tokens',
      passMessage: 'No binding outside the built-in policy grants create on serviceaccounts/token cluster-wide.',
      namespacedStatus: 'warn',
    }),
});
