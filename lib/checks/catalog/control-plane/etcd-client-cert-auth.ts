import { flagEvidence, forEachFlagComponent, verdict } from '../../helpers';
import { catalogue, cis, kubescape, trivy } from '../../refs';
import { defineCheck } from '../../types';

export default defineCheck({
  id: 'etcd-client-cert-auth',
  title: 'etcd requires client certificates',
  description:
    'Without --client-cert-auth=true anyone who can reach the etcd port can read and write the whole cluster state, Secrets included, bypassing RBAC and audit.',
  component: 'etcd',
  area: 'api-access',
  severity: 'high',
  tier: 'api',
  references: [cis('2.2'), kubescape('C-0154'), trivy('KCV-0043'), catalogue('ET-02')],
  remediation: 'Set --client-cert-auth=true and --trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt on etcd.',
  evaluate: (ctx) =>
    forEachFlagComponent(ctx, 'etcd', (c, flags) =>
      verdict(
        c,
        flags['client-cert-auth'] === 'true',
        'etcd only accepts clients with a trusted certificate.',
        'etcd accepts clients without a certificate.',
        [flagEvidence(c, 'client-cert-auth', '--client-cert-auth=true')],
      ),
    ),
});
