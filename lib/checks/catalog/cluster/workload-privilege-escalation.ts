import { defineCheck } from '../../types';
import { catalogue, cis, kubescape, polaris, trivy } from './_lib/refs';
import { type Observation, passing, verdictOf } from './_lib/verdict';
import { type ContainerAt, SYSTEM_NAMESPACES } from './_lib/workloads';
import { evaluateWorkloads } from './_lib/workload-check';

const PASS = passing({
  message: 'Every container sets allowPrivilegeEscalation: false.',
  expected: 'false',
  actual: 'false on every container',
  field: 'containers[*].securityContext.allowPrivilegeEscalation'
});

/**
 * Unset counts as a failure: the kernel's no_new_privs is only set when the field is explicitly
 * false, so an unset field lets setuid binaries raise privileges (PSS "restricted" demands false).
 */
export default defineCheck({
  id: 'workload-privilege-escalation',
  title: 'Containers disallow privilege escalation',
  description:
    'Fails when a container does not set securityContext.allowPrivilegeEscalation: false (explicit true, or unset, which defaults to allowed). ' +
    'System namespaces are exempt by default and reported as not-applicable.',
  component: 'workload',
  area: 'workloads',
  severity: 'medium',
  tier: 'api',
  references: [cis('5.2.6'), kubescape('C-0016'), kubescape('C-0197'), trivy('KSV-0001'), polaris('privilegeEscalationAllowed'), catalogue('WL-05')],
  remediation: 'Set `securityContext.allowPrivilegeEscalation: false` on every container (`containers[].securityContext.allowPrivilegeEscalation: false`).',
  defaultExemptNamespaces: [...SYSTEM_NAMESPACES],
  evaluate: (ctx) =>
    evaluateWorkloads(ctx, {
      exempt: SYSTEM_NAMESPACES,
      judge(t) {
        let seen: Observation[] | undefined;
        for (let i = 0; i < t.containers.length; i++) {
          const { c, path } = t.containers[i] as ContainerAt;
          const v = c.securityContext?.allowPrivilegeEscalation;
          if (v === false) continue;
          (seen ??= []).push({
            status: 'fail',
            field: `${path}.securityContext.allowPrivilegeEscalation`,
            expected: 'false',
            actual: v === true ? 'true' : 'unset (escalation allowed)',
            note: `container "${c.name}" may escalate privileges`,
          });
        }
        return verdictOf(t, seen, PASS);
      },
    }),
});
