import { defineCheck } from '../../types';
import { catalogue, cis, kubescape, polaris, trivy } from './_lib/refs';
import { type Observation, passing, verdictOf } from './_lib/verdict';
import { SYSTEM_NAMESPACES } from './_lib/workloads';
import { evaluateWorkloads } from './_lib/workload-check';

const PASS = passing({ message: 'Uses its own PID and IPC namespaces.', expected: 'hostPID and hostIPC false or unset', actual: 'not set', field: 'hostPID' });

export default defineCheck({
  id: 'workload-host-pid-ipc',
  title: 'Pods do not share the host PID or IPC namespace',
  description:
    'Fails when a pod sets hostPID: true (it sees and can signal every process on the node, and read their environment) or hostIPC: true (it shares the node\'s shared memory). ' +
    'System namespaces are exempt by default and reported as not-applicable.',
  component: 'workload',
  area: 'workloads',
  severity: 'high',
  tier: 'api',
  references: [cis('5.2.3'), cis('5.2.4'), kubescape('C-0038'), kubescape('C-0275'), kubescape('C-0276'), trivy('KSV-0010'), trivy('KSV-0008'), polaris('hostPIDSet'), polaris('hostIPCSet'), catalogue('WL-03')],
  remediation: 'Remove `hostPID: true` and `hostIPC: true` from the pod spec (`spec.template.spec.hostPID: false`).',
  defaultExemptNamespaces: [...SYSTEM_NAMESPACES],
  evaluate: (ctx) =>
    evaluateWorkloads(ctx, {
      exempt: SYSTEM_NAMESPACES,
      judge(t) {
        let seen: Observation[] | undefined;
        if (t.spec.hostPID) (seen ??= []).push({ status: 'fail', field: 'hostPID', expected: 'false or unset', actual: 'true', note: 'shares the host PID namespace' });
        if (t.spec.hostIPC) (seen ??= []).push({ status: 'fail', field: 'hostIPC', expected: 'false or unset', actual: 'true', note: 'shares the host IPC namespace' });
        return verdictOf(t, seen, PASS);
      },
    }),
});
