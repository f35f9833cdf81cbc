import { forEachNode } from '../../helpers';
import { CVE_FEED, cveVerdict } from '../../cve/match';
import { catalogue, cveRef, kubescape } from '../../refs';
import type { Version } from '../../semver';
import { defineCheck } from '../../types';

/**
 * Ubuntu/Debian kernels (`5.15.0-1051-aws`) keep patch level 0 and ship fixes under an ABI number,
 * so their upstream version says nothing about patches: soften to warn. Kernels that track upstream
 * stable patch levels (`5.10.201-191.748.amzn2`, `6.1.58+`) are judged by that number.
 */
const mayBePatched = (v: Version): boolean => v.vendor !== undefined && v.patch === 0;

export default defineCheck({
  id: 'node-kernel-cve',
  title: 'Node kernels are not affected by known container-escape CVEs',
  description:
    'Several kernel bugs let a process in a container take over the node (e.g. CVE-2022-0185, Dirty Pipe CVE-2022-0847). The kernel version comes from each Node\'s status. ' +
    'Distribution kernels that keep the upstream patch level at 0 back-port fixes under their own numbers, so matches on them are warnings to confirm with the vendor. Windows nodes are not applicable.',
  component: 'node',
  area: 'cves',
  severity: 'high',
  tier: 'api',
  references: [kubescape('C-0079'), cveRef('CVE-2022-0185'), cveRef('CVE-2022-0847'), catalogue('CR-03')],
  remediation:
    'Upgrade the node image or kernel package (e.g. `apt-get install --only-upgrade linux-image-$(uname -r)`, or roll the node pool to a newer AMI/image), then drain and reboot each node.',
  evaluate: (ctx) =>
    forEachNode(ctx, (n) => {
      if (n.nodeInfo.operatingSystem === 'windows') {
        return { status: 'not-applicable', message: 'Windows node: the Linux kernel CVEs do not apply.', evidence: [] };
      }
      return cveVerdict(CVE_FEED, 'Kernel', 'linux-kernel', n.nodeInfo.kernelVersion, `Node ${n.meta.name} · status.nodeInfo.kernelVersion`, { mayBePatched });
    }),
});
