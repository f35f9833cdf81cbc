import { defineCheck } from '../../types';
import { whoHolds } from './_lib/holders';
import { CSR_APPROVE, SIGNER_APPROVE } from './_lib/permissions';
import { catalogue, cis, kubescape } from './_lib/refs';

export default defineCheck({
  id: 'rbac-csr-approval',
  title: 'Approving certificate requests is limited',
  description:
    'Finds ClusterRoleBindings that grant update on certificatesigningrequests/approval or approve on signers. An approver can issue client certificates for any user or group, including system:masters. Built-in bindings (system: prefix or the kubernetes.io/bootstrapping=rbac-defaults label) are exempt by default and reported as not-applicable.',
  component: 'rbac',
  area: 'authn-authz',
  severity: 'medium',
  tier: 'api',
  references: [cis('5.1.11'), kubescape('C-0280'), catalogue('RB-11')],
  remediation:
    'Remove the approval rules (`certificatesigningrequests/approval` update and `signers` approve) from the role, or restrict them to one signer: `{apiGroups: ["certificates.k8s.io"], resources: ["signers"], resourceNames: ["example.com/my-signer"], verbs: ["approve"]}`.',
  evaluate: (ctx) =>
    whoHolds(ctx, {
      perms: [CSR_APPROVE, SIGNER_APPROVE],
      expected: 'only the control plane approves certificate requests',
      passMessage: 'No binding outside the built-in policy can approve certificate requests.',
    }),
});
