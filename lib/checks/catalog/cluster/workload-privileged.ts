import { defineCheck } from '../../types';
import { catalogue, cis, kubescape, polaris, trivy } from './_lib/refs';
import { type Observation, passing, verdictOf } from './_lib/verdict';
import { type ContainerAt, SYSTEM_NAMESPACES } from './_lib/workloads';
import { evaluateWorkloads } from './_lib/workload-check';

const PASS = passing({
  message: 'No container is privileged.',
  expected: 'privileged false or unset',
  actual: 'not privileged',
  field: 'containers[*].securityContext.privileged',
});

export default defineCheck({
  id: 'workload-privileged',
  title: 'No privileged containers',
  description:
    'Fails when any container, init container or ephemeral container sets securityContext.privileged: true. A privileged container has every capability and all host devices: it is root on the node. ' +
    'System namespaces are exempt by default and reported as not-applicable.',
  component: 'workload',
  area: 'workloads',
  severity: 'high',
  tier: 'api',
  references: [cis('5.2.2'), kubescape('C-0057'), kubescape('C-0193'), trivy('KSV-0017'), polaris('runAsPrivileged'), catalogue('WL-02')],
  remediation:
    'Remove `privileged: true` (set `securityContext.privileged: false`) and add only the specific capability the container needs, e.g. `capabilities: {add: ["NET_BIND_SERVICE"]}`.',
  defaultExemptNamespaces: [...SYSTEM_NAMESPACES],
  evaluate: (ctx) =>
    evaluateWorkloads(ctx, {
      exempt: SYSTEM_NAMESPACES,
      judge(t) {
        let seen: Observation[] | undefined;
        for (let i = 0; i < t.containers.length; i++) {
          const { c, path } = t.containers[i] as ContainerAt;
          if (c.securityContext?.privileged !== true) continue;
          (seen ??= []).push({
            status: 'fail',
            field: `${path}.securityContext.privileged`,
            expected: 'false or unset',
            actual: 'true',
            note: `container "${c.name}" is privileged`,
          });
        }
        return verdictOf(t, seen, PASS);
      },
    }),
});
