import { flagEvidence, forEachFlagComponent, verdict } from '../../helpers';
import { catalogue, cis, kubescape, trivy } from '../../refs';
import { defineCheck } from '../../types';

export default defineCheck({
  id: 'controller-manager-service-account-private-key',
  title: 'Service-account tokens are signed with a dedicated key',
  description:
    'kube-controller-manager signs legacy service-account token Secrets with --service-account-private-key-file. Without it no tokens are signed; with a dedicated key it can be rotated on its own.',
  component: 'kube-controller-manager',
  area: 'credentials',
  severity: 'medium',
  tier: 'api',
  references: [cis('1.3.4'), kubescape('C-0147'), trivy('KCV-0036'), catalogue('CM-03')],
  remediation: 'Set --service-account-private-key-file=/etc/kubernetes/pki/sa.key on kube-controller-manager (the pair of the apiserver --service-account-key-file).',
  evaluate: (ctx) =>
    forEachFlagComponent(ctx, 'kube-controller-manager', (c, flags) =>
      verdict(
        c,
        flags['service-account-private-key-file'] !== undefined,
        'A service-account signing key is configured.',
        'No --service-account-private-key-file is set.',
        [flagEvidence(c, 'service-account-private-key-file', 'a private key file')],
      ),
    ),
});
