import { enabledAdmissionPlugins, flagEvidence, forEachFlagComponent, verdict } from '../../helpers';
import { catalogue, cis, kubescape, trivy } from '../../refs';
import { defineCheck } from '../../types';

export default defineCheck({
  id: 'apiserver-always-admit',
  title: 'The AlwaysAdmit admission plugin is not enabled',
  description:
    'AlwaysAdmit accepts every request regardless of the other admission plugins, which turns off policy enforcement such as Pod Security admission and quotas. It is deprecated and never needed.',
  component: 'kube-apiserver',
  area: 'authn-authz',
  severity: 'high',
  tier: 'api',
  references: [cis('1.2.10'), kubescape('C-0122'), trivy('KCV-0011'), catalogue('AS-07')],
  remediation: 'Remove AlwaysAdmit from --enable-admission-plugins on kube-apiserver, e.g. --enable-admission-plugins=NodeRestriction.',
  evaluate: (ctx) =>
    forEachFlagComponent(ctx, 'kube-apiserver', (c, flags) =>
      verdict(
        c,
        !enabledAdmissionPlugins(flags).includes('AlwaysAdmit'),
        'AlwaysAdmit is not enabled.',
        'AlwaysAdmit is enabled: admission control accepts every request.',
        [flagEvidence(c, 'enable-admission-plugins', 'does not contain AlwaysAdmit')],
      ),
    ),
});
