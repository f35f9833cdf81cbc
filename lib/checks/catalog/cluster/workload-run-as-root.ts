import { defineCheck } from '../../types';
import { catalogue, cis, kubescape, polaris, trivy } from './_lib/refs';
import { effective, effectiveValue } from './_lib/security-context';
import { type Observation, passing, verdictOf } from './_lib/verdict';
import { type ContainerAt, SYSTEM_NAMESPACES } from './_lib/workloads';
import { evaluateWorkloads } from './_lib/workload-check';

const PASS = passing({ message: 'Every container runs as a non-root user.', expected: 'runAsNonRoot: true or runAsUser > 0', actual: 'set for every container', field: 'securityContext.runAsNonRoot' });

/**
 * The API cannot see an image's USER, so "nothing set" is a warning (the image may or may not run
 * as root); an explicit UID 0 or runAsNonRoot: false is a failure.
 */
export default defineCheck({
  id: 'workload-run-as-root',
  title: 'Containers do not run as root',
  description:
    'Per container, using the container securityContext over the pod\'s: fails on runAsUser: 0 or runAsNonRoot: false without a non-zero runAsUser; warns when neither runAsNonRoot: true nor a non-zero runAsUser is set, since the image\'s USER is not visible through the API. ' +
    'System namespaces are exempt by default and reported as not-applicable.',
  component: 'workload',
  area: 'workloads',
  severity: 'medium',
  tier: 'api',
  references: [cis('5.2.7'), kubescape('C-0013'), kubescape('C-0198'), trivy('KSV-0012'), trivy('KSV-0105'), polaris('runAsRootAllowed'), catalogue('WL-06')],
  remediation: 'Set `securityContext.runAsNonRoot: true` and a non-zero `runAsUser` (e.g. `runAsUser: 10001`) in the pod or container securityContext.',
  defaultExemptNamespaces: [...SYSTEM_NAMESPACES],
  evaluate: (ctx) =>
    evaluateWorkloads(ctx, {
      exempt: SYSTEM_NAMESPACES,
      judge(t) {
        let seen: Observation[] | undefined;
        for (let i = 0; i < t.containers.length; i++) {
          const { c, path } = t.containers[i] as ContainerAt;
          // Values first; where they were set is looked up only for evidence.
          const user = effectiveValue(t.spec, c, 'runAsUser');
          if (user !== undefined && user > 0) continue;
          const nonRoot = effectiveValue(t.spec, c, 'runAsNonRoot');
          if (user === 0) {
            (seen ??= []).push({ status: 'fail', field: effective(t.spec, c, path, 'runAsUser').field ?? `${path}.securityContext.runAsUser`, expected: 'a non-zero UID', actual: '0', note: `container "${c.name}" runs as UID 0` });
          } else if (nonRoot === true) {
            continue;
          } else if (nonRoot === false) {
            (seen ??= []).push({ status: 'fail', field: effective(t.spec, c, path, 'runAsNonRoot').field ?? `${path}.securityContext.runAsNonRoot`, expected: 'true', actual: 'false', note: `container "${c.name}" explicitly allows root` });
          } else {
            (seen ??= []).push({ status: 'warn', field: `${path}.securityContext.runAsNonRoot`, expected: 'runAsNonRoot: true or runAsUser > 0', actual: 'unset at pod and container level (image USER decides)', note: `container "${c.name}" may run as root` });
          }
        }
        return verdictOf(t, seen, PASS);
      },
    }),
});
