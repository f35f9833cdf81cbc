import { CVE_FEED, cveVerdict } from '../../cve/match';
import { apiserverContexts, resultOn } from '../../helpers';
import { catalogue, kubescape } from '../../refs';
import { defineCheck } from '../../types';

export default defineCheck({
  id: 'apiserver-cve',
  title: 'The API server version has no known CVEs',
  description:
    'Matches the API server version against the bundled Kubernetes CVE feed (see docs/checks.md for its date). Vendor builds (-eks-, -gke., +k3s) may carry back-ported fixes, so matches on them are warnings to confirm with the provider bulletin. ' +
    'Some CVEs only apply with certain settings; the evidence names them.',
  component: 'kube-apiserver',
  area: 'cves',
  severity: 'high',
  tier: 'api',
  references: [kubescape('C-0089'), { framework: 'Kubernetes docs', id: 'official-cve-feed', url: 'https://kubernetes.io/docs/reference/issues-security/official-cve-feed/' }, catalogue('CV-02')],
  remediation: 'Upgrade the control plane to the latest patch release of its minor version (e.g. `kubeadm upgrade apply v1.35.x`, or the provider\'s control-plane upgrade).',
  evaluate({ inv, arch }) {
    return apiserverContexts(arch).map((t) => {
      const raw = t.component?.version ?? inv.version?.gitVersion;
      const source = t.component?.version ? `${t.component.name} · image tag` : '/version · gitVersion';
      const r = cveVerdict(CVE_FEED, 'kube-apiserver', 'kube-apiserver', raw, source);
      return resultOn(t, r.status, r.message, r.evidence);
    });
  },
});
