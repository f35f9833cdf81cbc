import { defineCheck } from '../../types';
import { catalogue, cis, kubescape, polaris, trivy } from './_lib/refs';
import { type Observation, passing, verdictOf } from './_lib/verdict';
import { SYSTEM_NAMESPACES } from './_lib/workloads';
import { evaluateWorkloads } from './_lib/workload-check';

const PASS = passing({ message: 'Uses the pod network.', expected: 'hostNetwork false or unset', actual: 'not set', field: 'hostNetwork' });

export default defineCheck({
  id: 'workload-host-network',
  title: 'Pods do not use the host network',
  description:
    'Fails when a pod sets hostNetwork: true. It then binds on the node\'s interfaces, bypasses NetworkPolicy, and can reach node-local services such as the kubelet on localhost. ' +
    'System namespaces are exempt by default (CNI and kube-proxy need it) and reported as not-applicable.',
  component: 'workload',
  area: 'workloads',
  severity: 'high',
  tier: 'api',
  references: [cis('5.2.5'), kubescape('C-0041'), trivy('KSV-0009'), polaris('hostNetworkSet'), catalogue('WL-04')],
  remediation: 'Remove `hostNetwork: true` from the pod spec and expose the port through a Service (`type: ClusterIP`) instead.',
  defaultExemptNamespaces: [...SYSTEM_NAMESPACES],
  evaluate: (ctx) =>
    evaluateWorkloads(ctx, {
      exempt: SYSTEM_NAMESPACES,
      judge(t) {
        const seen: Observation[] = t.spec.hostNetwork
          ? [{ status: 'fail', field: 'hostNetwork', expected: 'false or unset', actual: 'true', note: 'uses the host network namespace' }]
          : [];
        return verdictOf(t, seen, PASS);
      },
    }),
});
