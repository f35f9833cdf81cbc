import { flagEvidence, forEachFlagComponent, resultFor } from '../../helpers';
import { catalogue, kubescape, trivy } from '../../refs';
import { defineCheck } from '../../types';

export default defineCheck({
  id: 'apiserver-insecure-port',
  title: 'The API server has no unauthenticated plain-HTTP port',
  description:
    'The insecure port served the whole API over plain HTTP with no authentication or authorization. It was removed in Kubernetes 1.24 but old clusters and copied manifests still carry it. ' +
    'Setting --secure-port=0 turns off the authenticated HTTPS port instead.',
  component: 'kube-apiserver',
  area: 'api-access',
  severity: 'critical',
  tier: 'api',
  references: [kubescape('C-0005'), kubescape('C-0128'), trivy('KCV-0017'), catalogue('AS-16')],
  remediation: 'Set --insecure-port=0 (or remove it on 1.24+, where it no longer exists) and remove --insecure-bind-address; keep --secure-port=6443.',
  evaluate: (ctx) =>
    forEachFlagComponent(ctx, 'kube-apiserver', (c, flags) => {
      const ev = [flagEvidence(c, 'insecure-port', '0 or not set'), flagEvidence(c, 'secure-port', 'a non-zero port (default 6443)')];
      const insecure = flags['insecure-port'];
      if (insecure !== undefined && insecure !== '0') {
        return resultFor(c, 'fail', `The API is served without authentication over plain HTTP on port ${insecure}.`, ev);
      }
      if (flags['secure-port'] === '0') return resultFor(c, 'fail', 'The authenticated HTTPS port is disabled (--secure-port=0).', ev);
      return resultFor(c, 'pass', 'Only the authenticated HTTPS port is served.', ev);
    }),
});
