import { flagEvidence, forEachFlagComponent, verdict } from '../../helpers';
import { catalogue, cis, kubescape, trivy } from '../../refs';
import { defineCheck } from '../../types';

export default defineCheck({
  id: 'apiserver-service-account-lookup',
  title: 'Service-account tokens are checked against existing accounts',
  description:
    'With lookup on, the API server rejects tokens of service accounts (and their Secrets) that were deleted. Without it a leaked token keeps working after the account is gone. The default is true.',
  component: 'kube-apiserver',
  area: 'authn-authz',
  severity: 'medium',
  tier: 'api',
  references: [cis('1.2.21'), kubescape('C-0135'), trivy('KCV-0024'), catalogue('AS-11')],
  remediation: 'Remove --service-account-lookup=false from kube-apiserver, or set --service-account-lookup=true.',
  evaluate: (ctx) =>
    forEachFlagComponent(ctx, 'kube-apiserver', (c, flags) =>
      verdict(
        c,
        flags['service-account-lookup'] !== 'false',
        'Service-account tokens are validated against existing accounts.',
        'Service-account lookup is off: tokens of deleted accounts stay valid.',
        [flagEvidence(c, 'service-account-lookup', 'true (default)')],
      ),
    ),
});
