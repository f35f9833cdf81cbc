import { forEachKubelet } from '../../kubelet-config';
import { catalogue, cis, kubescape, trivy } from '../../refs';
import { defineCheck } from '../../types';

const CA = 'authentication.x509.clientCAFile';
const WEBHOOK = 'authentication.webhook.enabled';

export default defineCheck({
  id: 'kubelet-client-ca',
  title: 'Kubelets authenticate callers with certificates and tokens',
  description:
    'Without a client CA the kubelet cannot verify the API server\'s client certificate, and without webhook authentication it cannot validate bearer tokens; callers then fall through to anonymous.',
  component: 'kubelet',
  area: 'api-access',
  severity: 'critical',
  tier: 'api+probe',
  references: [cis('4.2.3'), kubescape('C-0070'), kubescape('C-0174'), trivy('KCV-0081'), catalogue('KL-03')],
  remediation:
    'Set `authentication: {x509: {clientCAFile: /etc/kubernetes/pki/ca.crt}, webhook: {enabled: true}}` in the KubeletConfiguration and restart the kubelet.',
  evaluate: (ctx) =>
    forEachKubelet(ctx, (cfg) => {
      const problems: string[] = [];
      const ca = cfg.get(CA);
      if (typeof ca !== 'string' || ca === '') problems.push('no client CA file');
      if (cfg.get(WEBHOOK) !== true) problems.push('webhook token authentication is off');
      return {
        status: problems.length === 0 ? 'pass' : 'fail',
        message: problems.length === 0 ? 'The kubelet verifies client certificates and bearer tokens.' : `The kubelet cannot authenticate callers properly: ${problems.join('; ')}.`,
        evidence: [cfg.evidence(CA, 'a CA bundle path'), cfg.evidence(WEBHOOK, 'true')],
      };
    }),
});
