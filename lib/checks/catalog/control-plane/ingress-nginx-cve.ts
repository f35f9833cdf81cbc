import { CLUSTER_ID } from '../../../model/ids';
import { CVE_FEED, cveVerdict } from '../../cve/match';
import { componentImages, componentsOfType, firstMissing, imageTag, resultAt, resultFor } from '../../helpers';
import { catalogue, cveRef, kubescape } from '../../refs';
import { defineCheck } from '../../types';

/** The Kubernetes project's controller, not F5's `nginx/nginx-ingress` (a different product). */
const isIngressNginx = (image: string): boolean =>
  (image.includes('ingress-nginx/controller') || image.includes('nginx-ingress-controller')) && !image.includes('nginx/nginx-ingress');

export default defineCheck({
  id: 'ingress-nginx-cve',
  title: 'ingress-nginx has no known CVEs',
  description:
    'ingress-nginx reads every Secret in the cluster by default and is exposed to the internet, so its CVEs (IngressNightmare CVE-2025-1974 and the annotation-injection family) lead to cluster takeover. Matches the controller image tag against the bundled feed. ' +
    'Other ingress controllers are not applicable. The project was retired in March 2026: plan a move to another controller or the Gateway API.',
  component: 'ingress-controller',
  area: 'cves',
  severity: 'critical',
  tier: 'api',
  references: [kubescape('C-0059'), cveRef('CVE-2025-1974'), catalogue('AD-03')],
  remediation:
    'Upgrade the controller (e.g. `helm upgrade ingress-nginx ingress-nginx/ingress-nginx --reuse-values --set controller.image.tag=v1.12.1` or later); until then, disable the admission webhook (controller.admissionWebhooks.enabled=false) to close CVE-2025-1974.',
  evaluate({ inv, arch }) {
    const controllers = componentsOfType(arch, 'ingress-controller');
    if (controllers.length === 0) {
      const why = firstMissing(inv, ['Deployment', 'DaemonSet']);
      return why
        ? [resultAt(CLUSTER_ID, 'unknown', `Cannot evaluate: ${why}.`, [])]
        : [resultAt(CLUSTER_ID, 'not-applicable', 'No ingress controller was found.', [])];
    }
    return controllers.map((c) => {
      const image = componentImages(inv, c).find(isIngressNginx);
      if (!image) return resultFor(c, 'not-applicable', `${c.name} is not ingress-nginx.`, []);
      const r = cveVerdict(CVE_FEED, 'ingress-nginx', 'ingress-nginx', imageTag(image), `${c.name} · image ${image}`);
      return resultFor(c, r.status, r.message, r.evidence);
    });
  },
});
