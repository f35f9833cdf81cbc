import { defineCheck } from '../../types';
import { whoHolds } from './_lib/holders';
import { CREATE_WORKLOADS } from './_lib/permissions';
import { catalogue, cis, kubescape, trivy } from './_lib/refs';

export default defineCheck({
  id: 'rbac-create-pods',
  title: 'Creating pods and workloads is limited',
  description:
    'Finds bindings that let a subject create pods or pod controllers (Deployments, DaemonSets, StatefulSets, ReplicaSets, Jobs, CronJobs, ReplicationControllers). Whoever creates a pod can run it with any service account of the namespace and mount its Secrets. Cluster-wide and kube-system grants fail; grants in one other namespace warn. Built-in bindings (system: prefix or the kubernetes.io/bootstrapping=rbac-defaults label) are exempt by default and reported as not-applicable.',
  component: 'rbac',
  area: 'authn-authz',
  severity: 'medium',
  tier: 'api',
  references: [cis('5.1.4'), kubescape('C-0188'), trivy('KSV-0048'), catalogue('RB-04')],
  remediation:
    'Give deployers a namespaced Role instead of a ClusterRoleBinding, e.g. `kind: RoleBinding, metadata: {namespace: team-a}, roleRef: {kind: ClusterRole, name: edit}`, and keep pod creation in kube-system to the control plane.',
  evaluate: (ctx) =>
    whoHolds(ctx, {
      perms: [CREATE_WORKLOADS],
      expected: 'pod creation limited to intended subjects and namespaces',
      passMessage: 'No binding outside the built-in policy grants pod or workload creation cluster-wide.',
      namespacedStatus: 'warn',
    }),
});
