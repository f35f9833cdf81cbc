import { nodeSubId } from '../../../model/ids';
import { CVE_FEED, cveVerdict } from '../../cve/match';
import { forEachNode } from '../../helpers';
import { catalogue, kubescape } from '../../refs';
import { defineCheck } from '../../types';

export default defineCheck({
  id: 'kubelet-cve',
  title: 'Kubelet versions have no known CVEs',
  description:
    'Matches each node\'s kubelet version (status.nodeInfo.kubeletVersion) against the bundled Kubernetes CVE feed. Windows-only CVEs are matched only on Windows nodes; vendor builds are warnings to confirm with the provider bulletin.',
  component: 'kubelet',
  area: 'cves',
  severity: 'high',
  tier: 'api',
  references: [kubescape('C-0058'), { framework: 'Kubernetes docs', id: 'official-cve-feed', url: 'https://kubernetes.io/docs/reference/issues-security/official-cve-feed/' }, catalogue('CV-02')],
  remediation:
    'Upgrade the kubelet to the latest patch release of its minor: `kubectl drain <node> --ignore-daemonsets`, upgrade the kubelet package (e.g. `apt-get install kubelet=1.35.x-*`) or roll the node pool to a newer image, then `kubectl uncordon <node>`.',
  evaluate: (ctx) =>
    forEachNode(
      ctx,
      (n) =>
        cveVerdict(CVE_FEED, 'kubelet', 'kubelet', n.nodeInfo.kubeletVersion, `Node ${n.meta.name} · status.nodeInfo.kubeletVersion`, {
          os: n.nodeInfo.operatingSystem ?? 'linux',
        }),
      (name) => nodeSubId(name, 'kubelet'),
    ),
});
