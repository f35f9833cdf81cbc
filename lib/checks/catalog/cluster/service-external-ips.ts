import type { CheckResult } from '../../types';
import { defineCheck } from '../../types';
import { CLUSTER_ID } from '../../../model/ids';
import { missingInput, unknownResult } from './_lib/inputs';
import { catalogue, cis, cve, kubescape, trivy } from './_lib/refs';
import { ev, result } from './_lib/result';

/**
 * Companion of apiserver-deny-external-ips (the DenyServiceExternalIPs admission flag): whoever can create a Service
 * with `externalIPs` can intercept traffic to any IP in the cluster (CVE-2020-8554).
 */
export default defineCheck({
  id: 'service-external-ips',
  title: 'Services do not use spec.externalIPs',
  description:
    'Fails for each Service with spec.externalIPs set. Kubernetes does not verify ownership of these addresses, so such a Service can capture traffic meant for other destinations (CVE-2020-8554). See apiserver-deny-external-ips for the admission plugin that blocks them.',
  component: 'cluster',
  area: 'network',
  severity: 'medium',
  tier: 'api',
  references: [cis('1.2.3'), kubescape('C-0283'), trivy('KSV-0108'), cve('CVE-2020-8554'), catalogue('AS-03')],
  remediation: 'Remove `spec.externalIPs` and use `type: LoadBalancer` instead; enable `--enable-admission-plugins=...,DenyServiceExternalIPs` on the API server so new ones are refused.',
  evaluate({ inv }) {
    const missing = missingInput(inv, 'Service');
    if (missing) return [unknownResult(CLUSTER_ID, missing, 'no Service uses externalIPs')];
    const out: CheckResult[] = inv.services
      .filter((s) => s.externalIPs.length > 0)
      .map((s) => {
        const ns = s.meta.namespace ?? '';
        return result(
          CLUSTER_ID,
          'fail',
          `Service ${ns}/${s.meta.name} claims external IPs ${s.externalIPs.join(', ')}.`,
          [ev('no externalIPs', s.externalIPs.join(', '), `Service ${ns}/${s.meta.name} · spec.externalIPs`)],
          { kind: 'Service', namespace: ns, name: s.meta.name },
        );
      });
    if (out.length === 0) out.push(result(CLUSTER_ID, 'pass', 'No Service sets spec.externalIPs.', [ev('no externalIPs', 'none', 'Services · spec.externalIPs')]));
    return out;
  },
});
