import { nodeSubId } from '../../../model/ids';
import { CVE_FEED, cveVerdict } from '../../cve/match';
import { forEachNode } from '../../helpers';
import { catalogue, cveRef, kubescape } from '../../refs';
import { defineCheck } from '../../types';

export default defineCheck({
  id: 'container-runtime-cve',
  title: 'Container runtimes have no known CVEs',
  description:
    'Matches each node\'s container runtime (status.nodeInfo.containerRuntimeVersion, e.g. containerd://1.6.0) against the bundled feed, which covers containerd and CRI-O escapes such as CVE-2022-23648 and CVE-2022-0811. ' +
    'runc\'s version is not exposed by the API, so runc CVEs are not covered; runtimes the feed does not know are unknown.',
  component: 'container-runtime',
  area: 'cves',
  severity: 'high',
  tier: 'api',
  references: [kubescape('C-0087'), cveRef('CVE-2022-23648'), catalogue('CR-01')],
  remediation: 'Upgrade the runtime on each node (e.g. containerd to the latest 1.7.x or 2.x: drain the node, `apt-get install --only-upgrade containerd.io`, restart containerd and the kubelet, uncordon), or roll the node pool to a newer image.',
  evaluate: (ctx) =>
    forEachNode(
      ctx,
      (n) => {
        const raw = n.nodeInfo.containerRuntimeVersion;
        const runtime = raw?.split('://')[0] ?? 'unknown runtime';
        return cveVerdict(CVE_FEED, runtime, runtime, raw, `Node ${n.meta.name} · status.nodeInfo.containerRuntimeVersion`);
      },
      (name) => nodeSubId(name, 'container-runtime'),
    ),
});
