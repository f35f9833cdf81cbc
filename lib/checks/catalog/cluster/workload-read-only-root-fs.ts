import { defineCheck } from '../../types';
import { catalogue, cis, kubescape, polaris, trivy } from './_lib/refs';
import { type Observation, passing, verdictOf } from './_lib/verdict';
import { type ContainerAt, SYSTEM_NAMESPACES } from './_lib/workloads';
import { evaluateWorkloads } from './_lib/workload-check';

const PASS = passing({ message: 'Every container has a read-only root filesystem.', expected: 'true', actual: 'true on every container', field: 'containers[*].securityContext.readOnlyRootFilesystem' });

export default defineCheck({
  id: 'workload-read-only-root-fs',
  title: 'Containers use a read-only root filesystem',
  description:
    'Fails when a container does not set securityContext.readOnlyRootFilesystem: true, which lets an intruder drop tools and persist changes inside the container. ' +
    'System namespaces are exempt by default and reported as not-applicable.',
  component: 'workload',
  area: 'workloads',
  severity: 'low',
  tier: 'api',
  references: [cis('5.6.3'), kubescape('C-0017'), trivy('KSV-0014'), polaris('notReadOnlyRootFilesystem'), catalogue('WL-13')],
  remediation: 'Set `securityContext.readOnlyRootFilesystem: true` and mount an `emptyDir` at the paths the app writes to (e.g. `/tmp`).',
  defaultExemptNamespaces: [...SYSTEM_NAMESPACES],
  evaluate: (ctx) =>
    evaluateWorkloads(ctx, {
      exempt: SYSTEM_NAMESPACES,
      judge(t) {
        let seen: Observation[] | undefined;
        for (let i = 0; i < t.containers.length; i++) {
          const { c, path } = t.containers[i] as ContainerAt;
          const readOnly = c.securityContext?.readOnlyRootFilesystem;
          if (readOnly === true) continue;
          (seen ??= []).push({
            status: 'fail',
            field: `${path}.securityContext.readOnlyRootFilesystem`,
            expected: 'true',
            actual: readOnly === false ? 'false' : 'unset',
            note: `container "${c.name}" has a writable root filesystem`,
          });
        }
        return verdictOf(t, seen, PASS);
      },
    }),
});
