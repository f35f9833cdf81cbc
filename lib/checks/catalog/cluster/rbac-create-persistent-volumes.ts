import { defineCheck } from '../../types';
import { whoHolds } from './_lib/holders';
import { CREATE_PV } from './_lib/permissions';
import { catalogue, cis, kubescape } from './_lib/refs';

export default defineCheck({
  id: 'rbac-create-persistent-volumes',
  title: 'Creating PersistentVolumes is limited',
  description:
    'Finds ClusterRoleBindings that let a subject create PersistentVolumes. A hand-made PV can point at a hostPath and so give a pod the node\'s filesystem. Built-in bindings (system: prefix or the kubernetes.io/bootstrapping=rbac-defaults label) are exempt by default and reported as not-applicable.',
  component: 'rbac',
  area: 'authn-authz',
  severity: 'medium',
  tier: 'api',
  references: [cis('5.1.9'), kubescape('C-0278'), catalogue('RB-09')],
  remediation:
    'Drop `create` on `persistentvolumes` from the role (`{apiGroups: [""], resources: ["persistentvolumes"], verbs: ["get", "list"]}`) and let a StorageClass provisioner create volumes from PersistentVolumeClaims.',
  evaluate: (ctx) =>
    whoHolds(ctx, {
      perms: [CREATE_PV],
      expected: 'only the storage provisioners create PersistentVolumes',
      passMessage: 'No binding outside the built-in policy grants create on PersistentVolumes.',
    }),
});
