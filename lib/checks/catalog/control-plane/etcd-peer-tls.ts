import { flagEvidence, forEachFlagComponent, resultFor } from '../../helpers';
import { catalogue, cis, kubescape, trivy } from '../../refs';
import { defineCheck } from '../../types';

export default defineCheck({
  id: 'etcd-peer-tls',
  title: 'etcd members authenticate each other with certificates',
  description:
    'etcd members replicate the whole database to each other. Peer traffic needs its own certificate (--peer-cert-file/--peer-key-file) and must require certificates from peers (--peer-client-cert-auth=true), or a rogue host can join the cluster.',
  component: 'etcd',
  area: 'tls',
  severity: 'high',
  tier: 'api',
  references: [cis('2.4'), cis('2.5'), kubescape('C-0156'), kubescape('C-0157'), trivy('KCV-0045'), trivy('KCV-0046'), catalogue('ET-04')],
  remediation:
    'Set --peer-cert-file=/etc/kubernetes/pki/etcd/peer.crt --peer-key-file=/etc/kubernetes/pki/etcd/peer.key --peer-trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt --peer-client-cert-auth=true on every etcd member.',
  evaluate: (ctx) =>
    forEachFlagComponent(ctx, 'etcd', (c, flags) => {
      const ev = [
        flagEvidence(c, 'peer-cert-file', 'a certificate file'),
        flagEvidence(c, 'peer-key-file', 'a key file'),
        flagEvidence(c, 'peer-client-cert-auth', '--peer-client-cert-auth=true'),
      ];
      const problems: string[] = [];
      if (flags['peer-cert-file'] === undefined || flags['peer-key-file'] === undefined) problems.push('no peer certificate');
      if (flags['peer-client-cert-auth'] !== 'true') problems.push('peers are not required to present certificates');
      return problems.length === 0
        ? resultFor(c, 'pass', 'Peer traffic is encrypted and mutually authenticated.', ev)
        : resultFor(c, 'fail', `Peer traffic is not mutually authenticated: ${problems.join('; ')}.`, ev);
    }),
});
