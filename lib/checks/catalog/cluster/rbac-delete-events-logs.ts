import { defineCheck } from '../../types';
import { whoHolds } from './_lib/holders';
import { DELETE_EVIDENCE } from './_lib/permissions';
import { catalogue, kubescape, trivy } from './_lib/refs';

export default defineCheck({
  id: 'rbac-delete-events-logs',
  title: 'Deleting events and logs is limited',
  description:
    'Finds bindings that can delete Events or pod logs. Attackers delete them to hide what they did. Cluster-wide and kube-system grants fail; grants in one other namespace warn. Built-in bindings (system: prefix or the kubernetes.io/bootstrapping=rbac-defaults label) are exempt by default and reported as not-applicable.',
  component: 'rbac',
  area: 'authn-authz',
  severity: 'medium',
  tier: 'api',
  references: [kubescape('C-0031'), trivy('KSV-0042'), catalogue('RB-17')],
  remediation:
    'Drop `delete`/`deletecollection` on `events` (core and events.k8s.io) and `pods/log` from the role; events expire on their own (`--event-ttl`). Example rule: `{apiGroups: [""], resources: ["events"], verbs: ["get", "list", "watch"]}`.',
  evaluate: (ctx) =>
    whoHolds(ctx, {
      perms: [DELETE_EVIDENCE],
      expected: 'no one outside the built-in policy deletes events or logs',
      passMessage: 'No binding outside the built-in policy can delete events or pod logs.',
      namespacedStatus: 'warn',
    }),
});
