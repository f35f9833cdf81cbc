import { defineCheck } from '../../types';
import { catalogue, cis, kubescape, polaris, trivy } from './_lib/refs';
import { ev } from './_lib/result';
import { type Observation, passing, verdictOf } from './_lib/verdict';
import { type ContainerAt, SYSTEM_NAMESPACES, fieldSource } from './_lib/workloads';
import { evaluateWorkloads } from './_lib/workload-check';

const PASS = passing({ message: 'No host ports.', expected: 'hostPort unset', actual: 'unset', field: 'containers[*].ports[*].hostPort' });

export default defineCheck({
  id: 'workload-host-port',
  title: 'Containers do not bind host ports',
  description:
    'Fails when a container port sets hostPort: it opens the port on the node\'s address, outside Services and often outside NetworkPolicy. Pods on the host network are reported as not-applicable (workload-host-network covers them). ' +
    'System namespaces are exempt by default and reported as not-applicable.',
  component: 'workload',
  area: 'workloads',
  severity: 'medium',
  tier: 'api',
  references: [cis('5.2.12'), kubescape('C-0044'), trivy('KSV-0024'), polaris('hostPortSet'), catalogue('WL-10')],
  remediation: 'Remove `ports[].hostPort` and publish the port with a Service (`type: ClusterIP`, or `NodePort`/`LoadBalancer` when it must be external).',
  defaultExemptNamespaces: [...SYSTEM_NAMESPACES],
  evaluate: (ctx) =>
    evaluateWorkloads(ctx, {
      exempt: SYSTEM_NAMESPACES,
      judge(t) {
        if (t.spec.hostNetwork)
          return {
            status: 'not-applicable',
            message: 'Uses the host network, so every port is a host port; see workload-host-network.',
            evidence: [ev('hostNetwork false', 'true', fieldSource(t, 'hostNetwork'))],
          };
        let seen: Observation[] | undefined;
        for (let n = 0; n < t.containers.length; n++) {
          const { c, path } = t.containers[n] as ContainerAt;
          for (let i = 0; i < c.ports.length; i++) {
            const p = c.ports[i] as (typeof c.ports)[number];
            if (p.hostPort)
              (seen ??= []).push({ status: 'fail', field: `${path}.ports[${i}].hostPort`, expected: 'unset', actual: String(p.hostPort), note: `container "${c.name}" binds host port ${p.hostPort}` });
          }
        }
        return verdictOf(t, seen, PASS);
      },
    }),
});
