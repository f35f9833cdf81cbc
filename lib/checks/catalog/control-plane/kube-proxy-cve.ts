import { CLUSTER_ID } from '../../../model/ids';
import { CVE_FEED, cveVerdict } from '../../cve/match';
import { componentImages, componentsOfType, firstMissing, imageTag, resultAt, resultFor } from '../../helpers';
import { catalogue } from '../../refs';
import { defineCheck } from '../../types';

export default defineCheck({
  id: 'kube-proxy-cve',
  title: 'kube-proxy versions have no known CVEs',
  description:
    'Matches each kube-proxy\'s version (its image tag; Node kubeProxyVersion is deprecated and unreliable) against the bundled Kubernetes CVE feed. Not applicable when kube-proxy is replaced by the CNI.',
  component: 'kube-proxy',
  area: 'cves',
  severity: 'medium',
  tier: 'api',
  references: [{ framework: 'Kubernetes docs', id: 'official-cve-feed', url: 'https://kubernetes.io/docs/reference/issues-security/official-cve-feed/' }, catalogue('KP-02')],
  remediation: 'Update the kube-proxy DaemonSet image to the control plane\'s patch release, e.g. `kubectl -n kube-system set image daemonset/kube-proxy kube-proxy=registry.k8s.io/kube-proxy:v1.35.x`.',
  evaluate({ inv, arch }) {
    const proxies = componentsOfType(arch, 'kube-proxy');
    if (proxies.length === 0) {
      const why = firstMissing(inv, ['DaemonSet', 'Pod'], 'kube-system');
      return why
        ? [resultAt(CLUSTER_ID, 'unknown', `Cannot evaluate: ${why}.`, [])]
        : [resultAt(CLUSTER_ID, 'not-applicable', 'kube-proxy does not run in this cluster (a CNI may replace it).', [])];
    }
    return proxies.map((c) => {
      const image = componentImages(inv, c).find((i) => i.includes('kube-proxy'));
      const raw = (image && imageTag(image)) ?? c.version;
      const source = image ? `${c.name} · image ${image}` : `${c.name} · version`;
      const r = cveVerdict(CVE_FEED, 'kube-proxy', 'kube-proxy', raw, source);
      return resultFor(c, r.status, r.message, r.evidence);
    });
  },
});
