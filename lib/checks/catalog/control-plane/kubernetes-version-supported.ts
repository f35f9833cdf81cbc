import { apiserverContexts, evidence, missingInput, parseVersion, resultOn } from '../../helpers';
import { catalogue, kubescape } from '../../refs';
import { defineCheck } from '../../types';

/**
 * The newest Kubernetes minor release when this catalogue was last updated (1.37, August 2026).
 * Upstream supports the three newest minors; bump this with every release (about every four months)
 * or supported clusters start to fail. The CVE feed date (lib/checks/cve/feed.json) is a reminder.
 */
export const NEWEST_KUBERNETES_MINOR = 37;
export const SUPPORTED_MINORS = [NEWEST_KUBERNETES_MINOR - 2, NEWEST_KUBERNETES_MINOR - 1, NEWEST_KUBERNETES_MINOR];

export default defineCheck({
  id: 'kubernetes-version-supported',
  title: 'The cluster runs a Kubernetes minor version that still gets patches',
  description:
    `Upstream Kubernetes patches only the three newest minor releases (1.${SUPPORTED_MINORS.join(', 1.')} when this catalogue was built); older clusters get no security fixes. ` +
    'Managed providers may support older minors for longer under extended support; check their calendar. The version comes from /version (or the apiserver image).',
  component: 'kube-apiserver',
  area: 'cves',
  severity: 'medium',
  tier: 'api',
  references: [kubescape('C-0273'), { framework: 'Kubernetes docs', id: 'version-skew-policy', url: 'https://kubernetes.io/releases/version-skew-policy/' }, catalogue('CV-01')],
  remediation: `Upgrade one minor version at a time (e.g. \`kubeadm upgrade apply v1.${NEWEST_KUBERNETES_MINOR}.x\`, or the provider's upgrade command) until the cluster runs 1.${SUPPORTED_MINORS[0]} or newer.`,
  evaluate({ inv, arch }) {
    return apiserverContexts(arch).map((t) => {
      const raw = t.component?.version ?? inv.version?.gitVersion;
      const source = t.component?.version ? `${t.component.name} · image tag` : '/version · gitVersion';
      const v = parseVersion(raw);
      if (!v) {
        const why = missingInput(inv, '/version') ?? 'the API server version is not known';
        return resultOn(t, 'unknown', `Cannot evaluate: ${why}.`, []);
      }
      const ev = [evidence(`1.${SUPPORTED_MINORS[0]} or newer`, raw ?? '', source)];
      if (v.major !== 1 || v.minor > NEWEST_KUBERNETES_MINOR) {
        return resultOn(t, 'pass', `Kubernetes ${v.major}.${v.minor} is newer than this catalogue knows; it is treated as supported.`, ev);
      }
      return SUPPORTED_MINORS.includes(v.minor)
        ? resultOn(t, 'pass', `Kubernetes 1.${v.minor} still receives patch releases.`, ev)
        : resultOn(t, 'fail', `Kubernetes 1.${v.minor} no longer receives upstream security fixes (supported: 1.${SUPPORTED_MINORS.join(', 1.')}).`, ev);
    });
  },
});
