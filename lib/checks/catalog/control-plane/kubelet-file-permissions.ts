import { CLUSTER_ID } from '../../../model/ids';
import { NEEDS_NODE_AGENT_MESSAGE, componentsOfType, evidence, resultAt } from '../../helpers';
import { catalogue, cis, kubescape, trivy } from '../../refs';
import { defineCheck } from '../../types';

export default defineCheck({
  id: 'kubelet-file-permissions',
  title: 'Kubelet configuration and credential files are root-only',
  description:
    'The kubelet service file, kubelet.conf (its credentials), config.yaml and the client CA file must be owned by root:root with mode 600 (644 for the CA). File modes are not visible through the Kubernetes API, so this needs a node agent such as kube-bench.',
  component: 'kubelet',
  area: 'credentials',
  severity: 'medium',
  tier: 'needs-node-agent',
  references: [cis('4.1.1'), cis('4.1.5'), cis('4.1.7'), cis('4.1.9'), kubescape('C-0162'), kubescape('C-0166'), trivy('KCV-0069'), trivy('KCV-0073'), catalogue('KL-FILES')],
  remediation:
    'Set ownership and modes on each node: `chown root:root /etc/kubernetes/kubelet.conf /var/lib/kubelet/config.yaml && chmod 600 /etc/kubernetes/kubelet.conf /var/lib/kubelet/config.yaml && chmod 644 /etc/kubernetes/pki/ca.crt`.',
  evaluate({ arch }) {
    const message = `Cannot evaluate: ${NEEDS_NODE_AGENT_MESSAGE}.`;
    const kubelets = componentsOfType(arch, 'kubelet');
    if (kubelets.length === 0) return [resultAt(CLUSTER_ID, 'unknown', message, [])];
    return kubelets.map((k) =>
      resultAt(k.id, 'unknown', message, [evidence('600 root:root', 'not visible via the API', `Node ${k.nodeName ?? k.name} · /etc/kubernetes/kubelet.conf, /var/lib/kubelet/config.yaml`)], k.nodeName ? { kind: 'Node', name: k.nodeName } : undefined),
    );
  },
});
