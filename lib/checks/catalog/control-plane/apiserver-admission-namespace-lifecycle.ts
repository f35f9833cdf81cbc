import { flagEvidence, forEachFlagComponent, splitList, verdict } from '../../helpers';
import { catalogue, cis, kubescape, trivy } from '../../refs';
import { defineCheck } from '../../types';

export default defineCheck({
  id: 'apiserver-admission-namespace-lifecycle',
  title: 'The NamespaceLifecycle admission plugin is not disabled',
  description:
    'NamespaceLifecycle refuses new objects in namespaces that are being deleted or do not exist, and protects the system namespaces from deletion. It is on by default.',
  component: 'kube-apiserver',
  area: 'authn-authz',
  severity: 'low',
  tier: 'api',
  references: [cis('1.2.13'), kubescape('C-0126'), trivy('KCV-0015'), catalogue('AS-08')],
  remediation: 'Remove NamespaceLifecycle from --disable-admission-plugins on kube-apiserver.',
  evaluate: (ctx) =>
    forEachFlagComponent(ctx, 'kube-apiserver', (c, flags) =>
      verdict(
        c,
        !splitList(flags['disable-admission-plugins']).includes('NamespaceLifecycle'),
        'The NamespaceLifecycle admission plugin is active.',
        'The NamespaceLifecycle admission plugin is disabled.',
        [flagEvidence(c, 'disable-admission-plugins', 'does not contain NamespaceLifecycle')],
      ),
    ),
});
