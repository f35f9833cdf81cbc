import { flagEvidence, forEachFlagComponent, splitList, verdict } from '../../helpers';
import { catalogue, cis, kubescape, trivy } from '../../refs';
import { defineCheck } from '../../types';

export default defineCheck({
  id: 'apiserver-admission-service-account',
  title: 'The ServiceAccount admission plugin is not disabled',
  description:
    'The ServiceAccount plugin gives every pod a service account and enforces that referenced service accounts exist. It is on by default; disabling it lets pods run with identities nobody created.',
  component: 'kube-apiserver',
  area: 'authn-authz',
  severity: 'low',
  tier: 'api',
  references: [cis('1.2.12'), kubescape('C-0125'), trivy('KCV-0014'), catalogue('AS-08')],
  remediation: 'Remove ServiceAccount from --disable-admission-plugins on kube-apiserver.',
  evaluate: (ctx) =>
    forEachFlagComponent(ctx, 'kube-apiserver', (c, flags) =>
      verdict(
        c,
        !splitList(flags['disable-admission-plugins']).includes('ServiceAccount'),
        'The ServiceAccount admission plugin is active.',
        'The ServiceAccount admission plugin is disabled.',
        [flagEvidence(c, 'disable-admission-plugins', 'does not contain ServiceAccount')],
      ),
    ),
});
