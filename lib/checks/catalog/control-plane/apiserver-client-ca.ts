import { flagEvidence, forEachFlagComponent, verdict } from '../../helpers';
import { catalogue, cis, kubescape, trivy } from '../../refs';
import { defineCheck } from '../../types';

export default defineCheck({
  id: 'apiserver-client-ca',
  title: 'The API server verifies client certificates against a CA',
  description:
    'Kubelets, controllers and administrators authenticate with client certificates. Without --client-ca-file the API server cannot verify them, so certificate authentication is off and components fall back to weaker credentials.',
  component: 'kube-apiserver',
  area: 'tls',
  severity: 'high',
  tier: 'api',
  references: [cis('1.2.25'), kubescape('C-0139'), trivy('KCV-0028'), catalogue('AS-14')],
  remediation: 'Set --client-ca-file=/etc/kubernetes/pki/ca.crt on kube-apiserver.',
  evaluate: (ctx) =>
    forEachFlagComponent(ctx, 'kube-apiserver', (c, flags) =>
      verdict(
        c,
        flags['client-ca-file'] !== undefined,
        'Client certificates are verified against the configured CA.',
        'No --client-ca-file is set: client certificates cannot be verified.',
        [flagEvidence(c, 'client-ca-file', 'the cluster CA bundle')],
      ),
    ),
});
