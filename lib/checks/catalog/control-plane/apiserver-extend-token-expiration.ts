import { flagEvidence, forEachFlagComponent, verdict } from '../../helpers';
import { catalogue, cis, kubescape } from '../../refs';
import { defineCheck } from '../../types';

export default defineCheck({
  id: 'apiserver-extend-token-expiration',
  title: 'Projected service-account tokens are not silently extended',
  description:
    'With --service-account-extend-token-expiration (default true) the API server issues kubelet-requested tokens valid for a year instead of the hour asked for, to ease the migration from legacy tokens. A stolen token therefore stays usable far longer than it appears.',
  component: 'kube-apiserver',
  area: 'credentials',
  severity: 'medium',
  tier: 'api',
  references: [cis('1.2.30'), kubescape('C-0290'), catalogue('AS-12')],
  remediation:
    'Set --service-account-extend-token-expiration=false on kube-apiserver once workloads use client libraries that reload projected tokens (client-go ≥ 0.15, and current official clients).',
  evaluate: (ctx) =>
    forEachFlagComponent(ctx, 'kube-apiserver', (c, flags) =>
      verdict(
        c,
        flags['service-account-extend-token-expiration'] === 'false',
        'Projected tokens keep the lifetime they were requested with.',
        'Projected tokens are extended to about a year (the default).',
        [flagEvidence(c, 'service-account-extend-token-expiration', '--service-account-extend-token-expiration=false')],
      ),
    ),
});
