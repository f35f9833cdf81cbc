import { forEachKubelet } from '../../kubelet-config';
import { catalogue, cis, cveRef, kubescape, trivy } from '../../refs';
import { defineCheck } from '../../types';

const FIELD = 'readOnlyPort';

export default defineCheck({
  id: 'kubelet-read-only-port',
  title: 'The kubelet read-only port is closed',
  description:
    'The read-only port (usually 10255) serves pod specs, node details and metrics over plain HTTP with no authentication, and was the entry point of CVE-2025-0426. 0 disables it (the config-file default).',
  component: 'kubelet',
  area: 'api-access',
  severity: 'high',
  tier: 'api+probe',
  references: [cis('4.2.4'), kubescape('C-0175'), trivy('KCV-0082'), cveRef('CVE-2025-0426'), catalogue('KL-04')],
  remediation: 'Set `readOnlyPort: 0` in the KubeletConfiguration (flag: --read-only-port=0) and restart the kubelet.',
  evaluate: (ctx) =>
    forEachKubelet(ctx, (cfg) => {
      const port = Number(cfg.get(FIELD) ?? 0);
      return {
        status: port === 0 ? 'pass' : 'fail',
        message: port === 0 ? 'The read-only port is disabled.' : `The unauthenticated read-only port ${port} is open.`,
        evidence: [cfg.evidence(FIELD, '0')],
      };
    }),
});
