import { flagEvidence, forEachFlagComponent, verdict } from '../../helpers';
import { catalogue, cis, kubescape, trivy } from '../../refs';
import { defineCheck } from '../../types';

export default defineCheck({
  id: 'controller-manager-root-ca-file',
  title: 'Pods receive the cluster CA to verify the API server',
  description:
    'kube-controller-manager publishes --root-ca-file to every namespace (kube-root-ca.crt) so pods can verify the API server certificate. Without it, clients in pods cannot detect a man in the middle.',
  component: 'kube-controller-manager',
  area: 'tls',
  severity: 'high',
  tier: 'api',
  references: [cis('1.3.5'), kubescape('C-0148'), trivy('KCV-0037'), catalogue('CM-03')],
  remediation: 'Set --root-ca-file=/etc/kubernetes/pki/ca.crt on kube-controller-manager.',
  evaluate: (ctx) =>
    forEachFlagComponent(ctx, 'kube-controller-manager', (c, flags) =>
      verdict(
        c,
        flags['root-ca-file'] !== undefined,
        'The cluster CA is distributed to pods.',
        'No --root-ca-file is set: pods cannot verify the API server.',
        [flagEvidence(c, 'root-ca-file', 'the cluster CA bundle')],
      ),
    ),
});
