import { flagEvidence, forEachFlagComponent, verdict } from '../../helpers';
import { catalogue, cis, kubescape, trivy } from '../../refs';
import { defineCheck } from '../../types';

export default defineCheck({
  id: 'controller-manager-service-account-credentials',
  title: 'Each controller runs with its own service account',
  description:
    'With --use-service-account-credentials=true every controller uses its own service account and least-privilege role (system:controller:*). Otherwise all controllers share the controller-manager identity and all of its permissions.',
  component: 'kube-controller-manager',
  area: 'authn-authz',
  severity: 'medium',
  tier: 'api',
  references: [cis('1.3.3'), kubescape('C-0146'), trivy('KCV-0035'), catalogue('CM-02')],
  remediation: 'Set --use-service-account-credentials=true on kube-controller-manager.',
  evaluate: (ctx) =>
    forEachFlagComponent(ctx, 'kube-controller-manager', (c, flags) =>
      verdict(
        c,
        flags['use-service-account-credentials'] === 'true',
        'Controllers use individual service accounts.',
        'All controllers share the controller-manager identity.',
        [flagEvidence(c, 'use-service-account-credentials', '--use-service-account-credentials=true')],
      ),
    ),
});
