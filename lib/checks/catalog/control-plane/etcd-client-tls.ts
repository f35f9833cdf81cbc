import { flagEvidence, forEachFlagComponent, verdict } from '../../helpers';
import { catalogue, cis, kubescape, trivy } from '../../refs';
import { defineCheck } from '../../types';

export default defineCheck({
  id: 'etcd-client-tls',
  title: 'etcd serves clients over TLS',
  description: 'etcd holds every object and Secret of the cluster. Without --cert-file and --key-file it serves its client API in plain text.',
  component: 'etcd',
  area: 'tls',
  severity: 'high',
  tier: 'api',
  references: [cis('2.1'), kubescape('C-0153'), trivy('KCV-0042'), catalogue('ET-01')],
  remediation: 'Set --cert-file=/etc/kubernetes/pki/etcd/server.crt and --key-file=/etc/kubernetes/pki/etcd/server.key on etcd.',
  evaluate: (ctx) =>
    forEachFlagComponent(ctx, 'etcd', (c, flags) =>
      verdict(
        c,
        flags['cert-file'] !== undefined && flags['key-file'] !== undefined,
        'etcd serves clients with a TLS certificate.',
        'etcd has no serving certificate for clients.',
        [flagEvidence(c, 'cert-file', 'a certificate file'), flagEvidence(c, 'key-file', 'a key file')],
      ),
    ),
});
