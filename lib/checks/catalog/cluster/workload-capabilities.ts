import { defineCheck } from '../../types';
import { catalogue, cis, kubescape, polaris, trivy } from './_lib/refs';
import { normCap } from './_lib/security-context';
import { type Observation, passing, verdictOf } from './_lib/verdict';
import { type ContainerAt, SYSTEM_NAMESPACES } from './_lib/workloads';
import { evaluateWorkloads } from './_lib/workload-check';

/** Capabilities the Pod Security Standards "baseline" profile lets a container add. */
export const BASELINE_CAPS = new Set([
  'AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE',
  'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT',
]);

const NO_CAPS: readonly string[] = Object.freeze([]);
const isAll = (cap: string): boolean => normCap(cap) === 'ALL';

const PASS = passing({ message: 'Every container drops ALL capabilities and adds none beyond the baseline set.', expected: 'drop ALL, no dangerous add', actual: 'as expected', field: 'containers[*].securityContext.capabilities' });

export default defineCheck({
  id: 'workload-capabilities',
  title: 'Containers drop capabilities and add none that are dangerous',
  description:
    'Fails when a container adds a capability outside the Pod Security baseline set (e.g. ALL, SYS_ADMIN, NET_ADMIN, NET_RAW, SYS_PTRACE, SYS_MODULE, BPF); warns when it does not drop ALL. ' +
    'System namespaces are exempt by default and reported as not-applicable.',
  component: 'workload',
  area: 'workloads',
  severity: 'high',
  tier: 'api',
  references: [cis('5.2.8'), cis('5.2.9'), kubescape('C-0046'), kubescape('C-0199'), kubescape('C-0201'), trivy('KSV-0003'), trivy('KSV-0005'), trivy('KSV-0022'), polaris('dangerousCapabilities'), polaris('insecureCapabilities'), catalogue('WL-07')],
  remediation:
    'Drop everything and add back only what is needed: `securityContext: {capabilities: {drop: ["ALL"], add: ["NET_BIND_SERVICE"]}}`.',
  defaultExemptNamespaces: [...SYSTEM_NAMESPACES],
  evaluate: (ctx) =>
    evaluateWorkloads(ctx, {
      exempt: SYSTEM_NAMESPACES,
      judge(t) {
        let seen: Observation[] | undefined;
        for (let i = 0; i < t.containers.length; i++) {
          const { c, path } = t.containers[i] as ContainerAt;
          const caps = c.securityContext?.capabilities;
          const bad = caps?.add?.length ? caps.add.map(normCap).filter((cap) => !BASELINE_CAPS.has(cap)) : NO_CAPS;
          if (bad.length > 0)
            (seen ??= []).push({ status: 'fail', field: `${path}.securityContext.capabilities.add`, expected: 'only baseline capabilities', actual: `[${bad.join(', ')}]`, note: `container "${c.name}" adds ${bad.join(', ')}` });
          const drop = caps?.drop ?? NO_CAPS;
          if (!drop.some(isAll)) {
            const names = drop.map(normCap);
            (seen ??= []).push({ status: 'warn', field: `${path}.securityContext.capabilities.drop`, expected: '["ALL"]', actual: names.length ? `[${names.join(', ')}]` : 'unset (runtime default set kept)', note: `container "${c.name}" does not drop ALL` });
          }
        }
        return verdictOf(t, seen, PASS);
      },
    }),
});
