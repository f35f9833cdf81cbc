import { enabledAdmissionPlugins, flagEvidence, forEachFlagComponent, verdict } from '../../helpers';
import { catalogue, cis, kubescape, trivy } from '../../refs';
import { defineCheck } from '../../types';

export default defineCheck({
  id: 'apiserver-node-restriction',
  title: 'The NodeRestriction admission plugin is enabled',
  description:
    'NodeRestriction limits each kubelet to modifying its own Node object and the pods bound to it, so a compromised node cannot relabel other nodes or tamper with their pods. It is not on by default.',
  component: 'kube-apiserver',
  area: 'authn-authz',
  severity: 'medium',
  tier: 'api',
  references: [cis('1.2.14'), kubescape('C-0127'), trivy('KCV-0016'), catalogue('AS-08')],
  remediation: 'Add NodeRestriction to --enable-admission-plugins on kube-apiserver (e.g. --enable-admission-plugins=NodeRestriction) together with --authorization-mode=Node,RBAC.',
  evaluate: (ctx) =>
    forEachFlagComponent(ctx, 'kube-apiserver', (c, flags) =>
      verdict(
        c,
        enabledAdmissionPlugins(flags).includes('NodeRestriction'),
        'NodeRestriction is enabled.',
        'NodeRestriction is not enabled: kubelets can modify other nodes and their pods.',
        [flagEvidence(c, 'enable-admission-plugins', 'contains NodeRestriction')],
      ),
    ),
});
