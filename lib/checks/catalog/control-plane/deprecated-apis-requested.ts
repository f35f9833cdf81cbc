import { apiserverTargets, evidence, missingInput, resultAt } from '../../helpers';
import { catalogue, trivy } from '../../refs';
import { defineCheck } from '../../types';

export default defineCheck({
  id: 'deprecated-apis-requested',
  title: 'No client uses deprecated APIs',
  description:
    'Clients still calling deprecated API versions break at the next upgrade that removes them, which often delays security upgrades. The API server counts these calls in apiserver_requested_deprecated_apis since its last restart.',
  component: 'kube-apiserver',
  area: 'features',
  severity: 'low',
  tier: 'api+probe',
  references: [trivy('KSV-0107'), catalogue('FG-04')],
  remediation:
    'Find the callers in the audit log (filter on the listed group/version/resource), then migrate their manifests, e.g. with `kubectl convert -f old.yaml --output-version <group>/<new-version>`, and upgrade the client libraries or Helm charts that send them.',
  evaluate({ inv, arch }) {
    const metrics = inv.metrics;
    return apiserverTargets(arch).map((id) => {
      if (!metrics) {
        const why = missingInput(inv, '/metrics') ?? 'the API server metrics were not read';
        return resultAt(id, 'unknown', `Cannot evaluate: ${why}.`, []);
      }
      const used = metrics.requestedDeprecatedApis.map(
        (a) => `${a.group ? `${a.group}/` : ''}${a.version} ${a.resource}${a.removedRelease ? ` (removed in ${a.removedRelease})` : ''}`,
      );
      const ev = [evidence('none', used.length ? used.join('; ') : 'none', 'apiserver /metrics · apiserver_requested_deprecated_apis')];
      return used.length === 0
        ? resultAt(id, 'pass', 'No deprecated API versions were requested since the API server started.', ev)
        : resultAt(id, 'fail', `Clients requested ${used.length} deprecated API version(s): ${used.join('; ')}.`, ev);
    });
  },
});
