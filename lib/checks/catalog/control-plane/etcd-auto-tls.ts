import { flagEvidence, forEachFlagComponent, resultFor } from '../../helpers';
import { catalogue, cis, kubescape, trivy } from '../../refs';
import { defineCheck } from '../../types';

export default defineCheck({
  id: 'etcd-auto-tls',
  title: 'etcd does not use self-signed automatic certificates',
  description:
    '--auto-tls and --peer-auto-tls make etcd generate self-signed certificates that nobody can verify, which defeats the point of TLS between clients, peers and etcd.',
  component: 'etcd',
  area: 'tls',
  severity: 'medium',
  tier: 'api',
  references: [cis('2.3'), cis('2.6'), kubescape('C-0155'), kubescape('C-0158'), trivy('KCV-0044'), trivy('KCV-0047'), catalogue('ET-03')],
  remediation: 'Remove --auto-tls and --peer-auto-tls from etcd (or set them to false) and configure certificates signed by the etcd CA.',
  evaluate: (ctx) =>
    forEachFlagComponent(ctx, 'etcd', (c, flags) => {
      const on = ['auto-tls', 'peer-auto-tls'].filter((f) => flags[f] === 'true');
      const ev = [flagEvidence(c, 'auto-tls', 'false or not set'), flagEvidence(c, 'peer-auto-tls', 'false or not set')];
      return on.length === 0
        ? resultFor(c, 'pass', 'etcd uses configured certificates, not automatic self-signed ones.', ev)
        : resultFor(c, 'fail', `etcd generates self-signed certificates (${on.map((f) => `--${f}`).join(', ')}).`, ev);
    }),
});
