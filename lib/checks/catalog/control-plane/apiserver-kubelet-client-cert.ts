import { flagEvidence, forEachFlagComponent, verdict } from '../../helpers';
import { catalogue, cis, kubescape, trivy } from '../../refs';
import { defineCheck } from '../../types';

export default defineCheck({
  id: 'apiserver-kubelet-client-cert',
  title: 'The API server authenticates to kubelets with a client certificate',
  description:
    'For logs, exec and port-forward the API server calls each kubelet. Without a client certificate the kubelets must allow those calls unauthenticated, which exposes the kubelet API.',
  component: 'kube-apiserver',
  area: 'api-access',
  severity: 'high',
  tier: 'api',
  references: [cis('1.2.4'), kubescape('C-0116'), trivy('KCV-0005'), catalogue('AS-04')],
  remediation:
    'Set --kubelet-client-certificate=/etc/kubernetes/pki/apiserver-kubelet-client.crt and --kubelet-client-key=/etc/kubernetes/pki/apiserver-kubelet-client.key on kube-apiserver.',
  evaluate: (ctx) =>
    forEachFlagComponent(ctx, 'kube-apiserver', (c, flags) =>
      verdict(
        c,
        flags['kubelet-client-certificate'] !== undefined && flags['kubelet-client-key'] !== undefined,
        'The API server presents a client certificate to kubelets.',
        'The API server has no client certificate for kubelets.',
        [flagEvidence(c, 'kubelet-client-certificate', 'a certificate file'), flagEvidence(c, 'kubelet-client-key', 'a key file')],
      ),
    ),
});
