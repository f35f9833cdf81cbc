import { flagEvidence, forEachFlagComponent, hostOf, resultFor, splitList } from '../../helpers';
import { catalogue } from '../../refs';
import { defineCheck } from '../../types';

const ALL_INTERFACES = new Set(['0.0.0.0', '[::]', '::', '']);

export default defineCheck({
  id: 'etcd-listen-client-urls',
  title: 'etcd listens for clients over https and not on every interface',
  description:
    'Plain-http client URLs expose the cluster state without TLS. Binding to 0.0.0.0 exposes etcd on every network the node is attached to; it should listen on loopback and the control-plane address only, behind a firewall. ' +
    'Unset, etcd listens on http://localhost:2379.',
  component: 'etcd',
  area: 'api-access',
  severity: 'high',
  tier: 'api',
  references: [catalogue('ET-06')],
  remediation:
    'Set --listen-client-urls=https://127.0.0.1:2379,https://<control-plane-ip>:2379 on etcd and allow port 2379 only from the API servers.',
  evaluate: (ctx) =>
    forEachFlagComponent(ctx, 'etcd', (c, flags) => {
      const urls = splitList(flags['listen-client-urls'] ?? 'http://localhost:2379');
      const ev = [flagEvidence(c, 'listen-client-urls', 'https:// URLs on specific addresses')];
      const plain = urls.filter((u) => !u.startsWith('https://'));
      if (plain.length > 0) return resultFor(c, 'fail', `etcd listens for clients without TLS on ${plain.join(', ')}.`, ev);
      const wide = urls.filter((u) => ALL_INTERFACES.has(hostOf(u)));
      if (wide.length > 0) return resultFor(c, 'warn', `etcd listens on every interface (${wide.join(', ')}); make sure a firewall limits it to the API servers.`, ev);
      return resultFor(c, 'pass', `etcd listens over https on ${urls.join(', ')}.`, ev);
    }),
});
