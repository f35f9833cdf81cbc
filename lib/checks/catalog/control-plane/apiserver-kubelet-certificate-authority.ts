import { flagEvidence, forEachFlagComponent, verdict } from '../../helpers';
import { catalogue, cis, kubescape, trivy } from '../../refs';
import { defineCheck } from '../../types';

export default defineCheck({
  id: 'apiserver-kubelet-certificate-authority',
  title: "The API server verifies kubelets' serving certificates",
  description:
    'Without --kubelet-certificate-authority the API server does not verify the certificate of the kubelet it connects to, so anyone who can intercept node traffic can impersonate a kubelet and capture exec sessions and logs. ' +
    'kubeadm leaves this unset because kubelets self-sign by default; enable kubelet serving-certificate bootstrap first.',
  component: 'kube-apiserver',
  area: 'tls',
  severity: 'high',
  tier: 'api',
  references: [cis('1.2.5'), kubescape('C-0117'), trivy('KCV-0006'), catalogue('AS-05')],
  remediation:
    'Set serverTLSBootstrap: true in the KubeletConfiguration, approve the kubernetes.io/kubelet-serving CSRs, then set --kubelet-certificate-authority=/etc/kubernetes/pki/ca.crt on kube-apiserver.',
  evaluate: (ctx) =>
    forEachFlagComponent(ctx, 'kube-apiserver', (c, flags) =>
      verdict(
        c,
        flags['kubelet-certificate-authority'] !== undefined,
        'Kubelet serving certificates are verified against a CA.',
        'Kubelet serving certificates are not verified.',
        [flagEvidence(c, 'kubelet-certificate-authority', 'a CA bundle')],
      ),
    ),
});
