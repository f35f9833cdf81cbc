import type { CheckResult } from '../../types';
import { defineCheck } from '../../types';
import { CLUSTER_ID } from '../../../model/ids';
import { missingInput, unknownResult } from './_lib/inputs';
import { containerDefaults, namespaceIndex } from './_lib/namespaces';
import { catalogue, nsa, trivy } from './_lib/refs';
import { EXEMPT_SYSTEM_NAMESPACE, ev, result } from './_lib/result';
import { SYSTEM_NAMESPACES, isSystemNamespace } from './_lib/workloads';

const EXPECTED = 'a LimitRange with default container CPU and memory';

export default defineCheck({
  id: 'namespace-limit-range',
  title: 'Namespaces have a LimitRange with container defaults',
  description:
    'Per namespace: fails when no LimitRange exists; warns when LimitRanges exist but set no default CPU and memory for containers; passes otherwise. Defaults make containers that forget requests/limits schedulable and bounded. ' +
    'System namespaces are exempt by default and reported as not-applicable.',
  component: 'namespace',
  area: 'resources',
  severity: 'medium',
  tier: 'api',
  references: [nsa('Kubernetes Hardening Guide: resource policies'), trivy('KSV-0039'), catalogue('NS-02')],
  remediation:
    'Add a LimitRange: `kind: LimitRange, spec: {limits: [{type: Container, defaultRequest: {cpu: 100m, memory: 128Mi}, default: {memory: 512Mi}, max: {memory: 2Gi}}]}`.',
  defaultExemptNamespaces: [...SYSTEM_NAMESPACES],
  evaluate({ inv }) {
    const missing = missingInput(inv, 'LimitRange');
    if (missing) return [unknownResult(CLUSTER_ID, missing, EXPECTED)];
    const idx = namespaceIndex(inv);
    const out: CheckResult[] = idx.names.map((ns) => {
      const ref = { kind: 'Namespace', name: ns };
      const ranges = idx.limitRanges.get(ns) ?? [];
      const d = containerDefaults(ranges.flatMap((r) => r.limits));
      const actual = ranges.length
        ? `${ranges.map((r) => r.meta.name).join(', ')}: cpu ${d.cpuRequest ? 'default' : 'no default'}, memory ${d.memoryRequest ? 'default' : 'no default'}`
        : 'no LimitRange';
      const evidence = [ev(EXPECTED, actual, `LimitRanges in ${ns} · spec.limits[type=Container]`)];
      if (isSystemNamespace(ns)) return result(CLUSTER_ID, 'not-applicable', EXEMPT_SYSTEM_NAMESPACE, evidence, ref);
      if (ranges.length === 0) return result(CLUSTER_ID, 'fail', `Namespace ${ns} has no LimitRange.`, evidence, ref);
      if (!d.cpuRequest || !d.memoryRequest)
        return result(CLUSTER_ID, 'warn', `Namespace ${ns} has a LimitRange without default container CPU and memory.`, evidence, ref);
      return result(CLUSTER_ID, 'pass', `Namespace ${ns} sets container defaults.`, evidence, ref);
    });
    if (out.length === 0) out.push(result(CLUSTER_ID, 'not-applicable', 'No namespaces were found.', [ev(EXPECTED, 'no namespaces', 'Namespaces')]));
    return out;
  },
});
