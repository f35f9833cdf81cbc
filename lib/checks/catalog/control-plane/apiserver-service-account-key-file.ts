import { flagEvidence, forEachFlagComponent, verdict } from '../../helpers';
import { catalogue, cis, kubescape, trivy } from '../../refs';
import { defineCheck } from '../../types';

export default defineCheck({
  id: 'apiserver-service-account-key-file',
  title: 'Service-account tokens are verified with a dedicated key',
  description:
    'Without --service-account-key-file the API server verifies service-account tokens with its TLS serving key, so rotating the serving certificate breaks every token and the two secrets cannot be managed separately.',
  component: 'kube-apiserver',
  area: 'credentials',
  severity: 'medium',
  tier: 'api',
  references: [cis('1.2.22'), kubescape('C-0136'), trivy('KCV-0025'), catalogue('AS-11')],
  remediation:
    'Set --service-account-key-file=/etc/kubernetes/pki/sa.pub on kube-apiserver and the matching --service-account-private-key-file=/etc/kubernetes/pki/sa.key on kube-controller-manager.',
  evaluate: (ctx) =>
    forEachFlagComponent(ctx, 'kube-apiserver', (c, flags) =>
      verdict(
        c,
        flags['service-account-key-file'] !== undefined,
        'A dedicated service-account verification key is configured.',
        'No --service-account-key-file is set: tokens are verified with the serving key.',
        [flagEvidence(c, 'service-account-key-file', 'a public key file')],
      ),
    ),
});
