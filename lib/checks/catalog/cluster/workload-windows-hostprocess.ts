import { defineCheck } from '../../types';
import { catalogue, cis, kubescape, polaris, trivy } from './_lib/refs';
import { type Observation, passing, verdictOf } from './_lib/verdict';
import { type ContainerAt, SYSTEM_NAMESPACES } from './_lib/workloads';
import { evaluateWorkloads } from './_lib/workload-check';

const PASS = passing({ message: 'No HostProcess containers.', expected: 'hostProcess false or unset', actual: 'not set', field: 'securityContext.windowsOptions.hostProcess' });

export default defineCheck({
  id: 'workload-windows-hostprocess',
  title: 'No Windows HostProcess containers',
  description:
    'Fails when the pod or a container sets windowsOptions.hostProcess: true. A HostProcess container runs directly on the Windows host with its privileges. ' +
    'System namespaces are exempt by default and reported as not-applicable.',
  component: 'workload',
  area: 'workloads',
  severity: 'high',
  tier: 'api',
  references: [cis('5.2.10'), kubescape('C-0202'), trivy('KSV-0103'), polaris('hostProcess'), catalogue('WL-08')],
  remediation: 'Remove `securityContext.windowsOptions.hostProcess: true` (and `hostNetwork: true` that it requires) from the pod and its containers.',
  defaultExemptNamespaces: [...SYSTEM_NAMESPACES],
  evaluate: (ctx) =>
    evaluateWorkloads(ctx, {
      exempt: SYSTEM_NAMESPACES,
      judge(t) {
        let seen: Observation[] | undefined;
        if (t.spec.securityContext?.windowsHostProcess)
          (seen ??= []).push({ status: 'fail', field: 'securityContext.windowsOptions.hostProcess', expected: 'false or unset', actual: 'true', note: 'the pod is a HostProcess pod' });
        for (let i = 0; i < t.containers.length; i++) {
          const { c, path } = t.containers[i] as ContainerAt;
          if (c.securityContext?.windowsHostProcess)
            (seen ??= []).push({ status: 'fail', field: `${path}.securityContext.windowsOptions.hostProcess`, expected: 'false or unset', actual: 'true', note: `container "${c.name}" is a HostProcess container` });
        }
        return verdictOf(t, seen, PASS);
      },
    }),
});
