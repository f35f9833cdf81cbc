import { flagEvidence, forEachFlagComponent, resultFor, splitList } from '../../helpers';
import { catalogue, cis, kubescape, trivy } from '../../refs';
import { defineCheck } from '../../types';

export default defineCheck({
  id: 'apiserver-etcd-tls',
  title: 'The API server talks to etcd over mutual TLS',
  description:
    'etcd holds every Secret of the cluster. The API server must reach it over https, prove its identity with a client certificate (--etcd-certfile/--etcd-keyfile) and verify etcd with a CA (--etcd-cafile).',
  component: 'kube-apiserver',
  area: 'tls',
  severity: 'high',
  tier: 'api',
  references: [cis('1.2.23'), cis('1.2.26'), kubescape('C-0137'), kubescape('C-0140'), trivy('KCV-0026'), trivy('KCV-0029'), catalogue('AS-13')],
  remediation:
    'On kube-apiserver set --etcd-servers=https://127.0.0.1:2379 --etcd-cafile=/etc/kubernetes/pki/etcd/ca.crt --etcd-certfile=/etc/kubernetes/pki/apiserver-etcd-client.crt --etcd-keyfile=/etc/kubernetes/pki/apiserver-etcd-client.key.',
  evaluate: (ctx) =>
    forEachFlagComponent(ctx, 'kube-apiserver', (c, flags) => {
      const ev = [
        flagEvidence(c, 'etcd-servers', 'https:// endpoints only'),
        flagEvidence(c, 'etcd-certfile', 'a client certificate'),
        flagEvidence(c, 'etcd-keyfile', 'a client key'),
        flagEvidence(c, 'etcd-cafile', 'the etcd CA'),
      ];
      const problems: string[] = [];
      const plain = splitList(flags['etcd-servers']).filter((u) => !u.startsWith('https://'));
      if (plain.length > 0) problems.push(`plain-text endpoints ${plain.join(', ')}`);
      for (const f of ['etcd-certfile', 'etcd-keyfile', 'etcd-cafile']) if (flags[f] === undefined) problems.push(`--${f} is not set`);
      return problems.length === 0
        ? resultFor(c, 'pass', 'etcd is reached over https with a client certificate and a verified CA.', ev)
        : resultFor(c, 'fail', `The connection to etcd is not mutually authenticated TLS: ${problems.join('; ')}.`, ev);
    }),
});
