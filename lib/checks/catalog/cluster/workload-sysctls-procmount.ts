import { defineCheck } from '../../types';
import { catalogue, polaris, trivy } from './_lib/refs';
import { type Observation, passing, verdictOf } from './_lib/verdict';
import { type ContainerAt, SYSTEM_NAMESPACES } from './_lib/workloads';
import { evaluateWorkloads } from './_lib/workload-check';

/** The namespaced sysctls the Pod Security baseline profile allows (as of Kubernetes 1.29). */
export const SAFE_SYSCTLS = new Set([
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_local_reserved_ports',
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
]);

const PASS = passing({ message: 'Only safe sysctls and the default /proc mask.', expected: 'safe sysctls, procMount Default', actual: 'as expected', field: 'securityContext.sysctls' });

export default defineCheck({
  id: 'workload-sysctls-procmount',
  title: 'No unsafe sysctls or unmasked /proc',
  description:
    'Fails when the pod sets a sysctl outside the Pod Security safe set, or a container sets procMount: Unmasked (which exposes /proc paths the runtime normally hides). ' +
    'System namespaces are exempt by default and reported as not-applicable.',
  component: 'workload',
  area: 'workloads',
  severity: 'medium',
  tier: 'api',
  references: [trivy('KSV-0026'), trivy('KSV-0027'), polaris('procMount'), catalogue('WL-14')],
  remediation: 'Remove unsafe entries from `spec.securityContext.sysctls` (tune them on the node instead) and remove `securityContext.procMount: Unmasked`.',
  defaultExemptNamespaces: [...SYSTEM_NAMESPACES],
  evaluate: (ctx) =>
    evaluateWorkloads(ctx, {
      exempt: SYSTEM_NAMESPACES,
      judge(t) {
        let seen: Observation[] | undefined;
        const sysctls = t.spec.securityContext?.sysctls;
        if (sysctls)
          for (let i = 0; i < sysctls.length; i++) {
            const s = sysctls[i] as (typeof sysctls)[number];
            if (!SAFE_SYSCTLS.has(s.name))
              (seen ??= []).push({ status: 'fail', field: `securityContext.sysctls[${i}].name`, expected: 'a safe sysctl', actual: s.name, note: `sets unsafe sysctl ${s.name}` });
          }
        for (let i = 0; i < t.containers.length; i++) {
          const { c, path } = t.containers[i] as ContainerAt;
          if (c.securityContext?.procMount && c.securityContext.procMount !== 'Default')
            (seen ??= []).push({ status: 'fail', field: `${path}.securityContext.procMount`, expected: 'Default', actual: c.securityContext.procMount, note: `container "${c.name}" unmasks /proc` });
        }
        return verdictOf(t, seen, PASS);
      },
    }),
});
