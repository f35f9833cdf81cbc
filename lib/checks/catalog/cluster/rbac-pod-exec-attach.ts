import { defineCheck } from '../../types';
import { whoHolds } from './_lib/holders';
import { EXEC_ATTACH } from './_lib/permissions';
import { catalogue, kubescape, polaris, trivy } from './_lib/refs';

export default defineCheck({
  id: 'rbac-pod-exec-attach',
  title: 'exec, attach and port-forward are limited',
  description:
    'Finds bindings that grant pods/exec, pods/attach or pods/portforward (create, or get which WebSocket clients used). These give a shell or a network tunnel into running containers and their credentials. Cluster-wide and kube-system grants fail; grants in one other namespace warn. Built-in bindings (system: prefix or the kubernetes.io/bootstrapping=rbac-defaults label) are exempt by default and reported as not-applicable.',
  component: 'rbac',
  area: 'authn-authz',
  severity: 'high',
  tier: 'api',
  references: [kubescape('C-0002'), kubescape('C-0063'), trivy('KSV-0053'), trivy('KSV-0054'), polaris('clusterrolePodExecAttach'), polaris('rolePodExecAttach'), catalogue('RB-16')],
  remediation:
    'Remove `pods/exec`, `pods/attach` and `pods/portforward` from long-lived roles and grant them per namespace when needed: `{apiGroups: [""], resources: ["pods/exec"], verbs: ["create"]}` in a Role bound only to on-call engineers.',
  evaluate: (ctx) =>
    whoHolds(ctx, {
      perms: [EXEC_ATTACH],
      expected: 'no standing exec/attach/port-forward grants',
      passMessage: 'No binding outside the built-in policy grants exec, attach or port-forward cluster-wide.',
      namespacedStatus: 'warn',
    }),
});
