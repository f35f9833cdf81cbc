import { CLUSTER_ID } from '../../../model/ids';
import { CVE_FEED, cveVerdict } from '../../cve/match';
import { componentImages, componentsOfType, firstMissing, imageTag, resultAt, resultFor } from '../../helpers';
import { catalogue } from '../../refs';
import { defineCheck } from '../../types';

export default defineCheck({
  id: 'coredns-cve',
  title: 'CoreDNS has no known CVEs',
  description:
    'Matches the CoreDNS image tag against the bundled CVE feed. Cluster DNS is reachable from every pod, so a DNS denial of service or poisoning affects the whole cluster. Other DNS servers (kube-dns) are unknown to the feed.',
  component: 'dns',
  area: 'cves',
  severity: 'medium',
  tier: 'api',
  references: [{ framework: 'Kubescape', id: 'C-0037' }, catalogue('AD-02')],
  remediation: 'Update the CoreDNS Deployment image, e.g. `kubectl -n kube-system set image deployment/coredns coredns=registry.k8s.io/coredns/coredns:v1.12.2` (or upgrade the provider\'s CoreDNS add-on).',
  evaluate({ inv, arch }) {
    const dns = componentsOfType(arch, 'dns');
    if (dns.length === 0) {
      const why = firstMissing(inv, ['Deployment', 'Pod'], 'kube-system');
      return why
        ? [resultAt(CLUSTER_ID, 'unknown', `Cannot evaluate: ${why}.`, [])]
        : [resultAt(CLUSTER_ID, 'not-applicable', 'No cluster DNS add-on was found.', [])];
    }
    return dns.map((c) => {
      const image = componentImages(inv, c).find((i) => i.includes('coredns'));
      if (!image) return resultFor(c, 'unknown', `Cannot evaluate: ${c.name} is not CoreDNS, and the bundled CVE feed only covers CoreDNS.`, []);
      const r = cveVerdict(CVE_FEED, 'CoreDNS', 'coredns', imageTag(image), `${c.name} · image ${image}`);
      return resultFor(c, r.status, r.message, r.evidence);
    });
  },
});
