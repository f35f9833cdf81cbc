import { isManaged, managedNotApplicable, NEEDS_NODE_AGENT_MESSAGE, componentsOfType, evidence, resultFor, resultAt } from '../../helpers';
import { CLUSTER_ID } from '../../../model/ids';
import { catalogue, cis, kubescape, trivy } from '../../refs';
import { defineCheck } from '../../types';

export default defineCheck({
  id: 'etcd-data-dir-permissions',
  title: 'The etcd data directory is private to etcd',
  description:
    'The etcd data directory contains the whole cluster state, Secrets included. It should be mode 700 and owned by etcd:etcd. File modes are not visible through the Kubernetes API, so this check always needs a node agent (kube-bench, a kubescape node agent).',
  component: 'etcd',
  area: 'encryption',
  severity: 'high',
  tier: 'needs-node-agent',
  references: [cis('1.1.11'), cis('1.1.12'), kubescape('C-0102'), kubescape('C-0103'), trivy('KCV-0058'), catalogue('ET-07')],
  remediation: 'On each etcd node: `chmod 700 /var/lib/etcd && chown etcd:etcd /var/lib/etcd` (use the --data-dir path).',
  evaluate({ arch }) {
    if (isManaged(arch)) return [managedNotApplicable(arch, 'provider-managed control plane: etcd is run by the provider')];
    const ev = [evidence('mode 700, owner etcd:etcd', 'not visible via the API', 'node filesystem · etcd --data-dir')];
    const members = componentsOfType(arch, 'etcd');
    const message = `Cannot evaluate: ${NEEDS_NODE_AGENT_MESSAGE}.`;
    return members.length > 0 ? members.map((c) => resultFor(c, 'unknown', message, ev)) : [resultAt(CLUSTER_ID, 'unknown', message, ev)];
  },
});
