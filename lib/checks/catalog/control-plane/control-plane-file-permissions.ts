import { CLUSTER_ID } from '../../../model/ids';
import { NEEDS_NODE_AGENT_MESSAGE, evidence, isManaged, managedNotApplicable, resultFor, resultAt } from '../../helpers';
import { catalogue, cis, kubescape, trivy } from '../../refs';
import { defineCheck } from '../../types';

const CONTROL_PLANE = new Set(['kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'etcd']);

export default defineCheck({
  id: 'control-plane-file-permissions',
  title: 'Control-plane manifests, kubeconfigs and keys are root-only',
  description:
    'Static pod manifests, admin.conf/super-admin.conf, scheduler.conf, controller-manager.conf and the PKI keys grant full control of the cluster to anyone who can read or edit them. ' +
    'They must be root:root with mode 600 (certificates 644). File modes are not visible through the Kubernetes API, so this needs a node agent such as kube-bench.',
  component: 'kube-apiserver',
  area: 'credentials',
  severity: 'high',
  tier: 'needs-node-agent',
  references: [cis('1.1.1'), cis('1.1.13'), cis('1.1.19'), cis('1.1.21'), kubescape('C-0092'), kubescape('C-0104'), trivy('KCV-0048'), trivy('KCV-0066'), catalogue('CP-FILES')],
  remediation:
    'Set ownership and modes on each control-plane node: `chown -R root:root /etc/kubernetes && chmod 600 /etc/kubernetes/manifests/*.yaml /etc/kubernetes/*.conf /etc/kubernetes/pki/*.key && chmod 644 /etc/kubernetes/pki/*.crt`.',
  evaluate({ arch }) {
    if (isManaged(arch)) return [managedNotApplicable(arch, 'provider-managed control plane: its files are managed by the provider')];
    const message = `Cannot evaluate: ${NEEDS_NODE_AGENT_MESSAGE}.`;
    const ev = [evidence('600 root:root (certificates 644)', 'not visible via the API', 'control-plane node filesystem · /etc/kubernetes')];
    const comps = arch.components.filter((c) => CONTROL_PLANE.has(c.type) && !c.id.includes('/external/'));
    return comps.length > 0 ? comps.map((c) => resultFor(c, 'unknown', message, ev)) : [resultAt(CLUSTER_ID, 'unknown', message, ev)];
  },
});
