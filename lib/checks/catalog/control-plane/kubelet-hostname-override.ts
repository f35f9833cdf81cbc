import { CLUSTER_ID } from '../../../model/ids';
import { NEEDS_NODE_AGENT_MESSAGE, componentsOfType, evidence, resultAt } from '../../helpers';
import { catalogue, cis, kubescape, trivy } from '../../refs';
import { defineCheck } from '../../types';

export default defineCheck({
  id: 'kubelet-hostname-override',
  title: 'Kubelets do not override their hostname',
  description:
    '--hostname-override can make a node register under a name that does not match its certificate, breaking TLS verification between the API server and the kubelet. It is a command-line flag only (not in configz), so it needs a node agent.',
  component: 'kubelet',
  area: 'tls',
  severity: 'low',
  tier: 'needs-node-agent',
  references: [cis('4.2.7'), kubescape('C-0179'), trivy('KCV-0086'), catalogue('KL-13')],
  remediation: 'Remove --hostname-override from the kubelet service (e.g. /etc/systemd/system/kubelet.service.d/10-kubeadm.conf or KUBELET_EXTRA_ARGS) and restart the kubelet.',
  evaluate({ arch }) {
    const message = `Cannot evaluate: ${NEEDS_NODE_AGENT_MESSAGE}.`;
    const kubelets = componentsOfType(arch, 'kubelet');
    if (kubelets.length === 0) return [resultAt(CLUSTER_ID, 'unknown', message, [])];
    return kubelets.map((k) =>
      resultAt(k.id, 'unknown', message, [evidence('--hostname-override not set', 'not visible via the API', `Node ${k.nodeName ?? k.name} · kubelet process arguments`)], k.nodeName ? { kind: 'Node', name: k.nodeName } : undefined),
    );
  },
});
