import { nodeSubId } from '../../../model/ids';
import { evidence, forEachNode, parseVersion } from '../../helpers';
import { catalogue, kubescape } from '../../refs';
import { defineCheck } from '../../types';

/** Since Kubernetes 1.28 kubelets may be up to three minors older than the API server, never newer. */
const MAX_BEHIND = 3;

export default defineCheck({
  id: 'kubelet-version-skew',
  title: 'Kubelets are within the supported version skew of the API server',
  description:
    'A kubelet newer than the API server, or more than three minor versions older, is outside the supported skew: it may misbehave, and old kubelets usually miss security fixes. Compares each Node\'s kubeletVersion with /version.',
  component: 'kubelet',
  area: 'cves',
  severity: 'low',
  tier: 'api',
  references: [kubescape('C-0273'), { framework: 'Kubernetes docs', id: 'version-skew-policy', url: 'https://kubernetes.io/releases/version-skew-policy/' }, catalogue('CV-04')],
  remediation: 'Upgrade the node (drain it, then `kubeadm upgrade node` and upgrade the kubelet package, or roll the node pool) to the API server\'s minor version.',
  evaluate: (ctx) => {
    const api = parseVersion(ctx.inv.version?.gitVersion);
    return forEachNode(
      ctx,
      (n) => {
        const raw = n.nodeInfo.kubeletVersion;
        const k = parseVersion(raw);
        if (!api || !k) return { status: 'unknown', message: 'Cannot evaluate: the API server or kubelet version is not known.', evidence: [] };
        const ev = [evidence(`1.${api.minor - MAX_BEHIND} to 1.${api.minor}`, raw ?? '', `Node ${n.meta.name} · status.nodeInfo.kubeletVersion`)];
        const behind = api.minor - k.minor;
        if (k.major !== api.major || behind < 0) return { status: 'fail', message: `The kubelet (${raw}) is newer than the API server (${ctx.inv.version?.gitVersion}).`, evidence: ev };
        if (behind > MAX_BEHIND) return { status: 'fail', message: `The kubelet (${raw}) is ${behind} minor versions behind the API server.`, evidence: ev };
        return { status: 'pass', message: behind === 0 ? 'The kubelet matches the API server minor version.' : `The kubelet is ${behind} minor version(s) behind, within the supported skew.`, evidence: ev };
      },
      (name) => nodeSubId(name, 'kubelet'),
    );
  },
});
