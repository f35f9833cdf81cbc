import { forEachKubelet } from '../../kubelet-config';
import { catalogue, cis, kubescape, trivy } from '../../refs';
import { defineCheck } from '../../types';

export default defineCheck({
  id: 'kubelet-serving-tls',
  title: 'Kubelets serve a CA-signed certificate',
  description:
    'Without tlsCertFile/tlsPrivateKeyFile or serverTLSBootstrap the kubelet generates a self-signed serving certificate, which the API server cannot verify (see apiserver-kubelet-certificate-authority). ' +
    'serverTLSBootstrap lets kubelets request certificates from the cluster CA through kubernetes.io/kubelet-serving CSRs.',
  component: 'kubelet',
  area: 'tls',
  severity: 'high',
  tier: 'api+probe',
  references: [cis('4.2.9'), kubescape('C-0181'), trivy('KCV-0088'), trivy('KCV-0089'), catalogue('KL-08')],
  remediation:
    'Set `serverTLSBootstrap: true` in the KubeletConfiguration and approve the kubelet-serving CSRs (e.g. with kubelet-csr-approver), or provide tlsCertFile and tlsPrivateKeyFile signed by the cluster CA.',
  evaluate: (ctx) =>
    forEachKubelet(ctx, (cfg) => {
      const files = typeof cfg.get('tlsCertFile') === 'string' && typeof cfg.get('tlsPrivateKeyFile') === 'string';
      const bootstrap = cfg.get('serverTLSBootstrap') === true;
      const ok = files || bootstrap;
      return {
        status: ok ? 'pass' : 'fail',
        message: bootstrap
          ? 'The kubelet requests its serving certificate from the cluster CA.'
          : files
            ? 'The kubelet serves a configured certificate.'
            : 'The kubelet serves a self-signed certificate that clients cannot verify.',
        evidence: [cfg.evidence('serverTLSBootstrap', 'true'), cfg.evidence('tlsCertFile', 'a certificate file (or serverTLSBootstrap)')],
      };
    }),
});
