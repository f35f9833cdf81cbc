import { defineCheck } from '../../types';
import { hostPathUses, isSensitivePath } from './_lib/host-paths';
import { catalogue, cis, kubescape, polaris, trivy } from './_lib/refs';
import { type Observation, passing, verdictOf } from './_lib/verdict';
import { SYSTEM_NAMESPACES } from './_lib/workloads';
import { evaluateWorkloads } from './_lib/workload-check';

const PASS = passing({ message: 'No hostPath volumes.', expected: 'no hostPath volumes', actual: 'none', field: 'volumes' });

export default defineCheck({
  id: 'workload-host-path',
  title: 'No hostPath volumes on sensitive or writable paths',
  description:
    'Fails when a hostPath volume points at (or contains) a sensitive node path such as /, /etc, /proc, /var/lib/kubelet, /etc/kubernetes or a runtime socket directory, or is mounted writable; warns on any other hostPath mounted read-only. ' +
    'System namespaces are exempt by default and reported as not-applicable.',
  component: 'workload',
  area: 'workloads',
  severity: 'high',
  tier: 'api',
  references: [cis('5.2.11'), kubescape('C-0048'), kubescape('C-0045'), trivy('KSV-0023'), trivy('KSV-0121'), polaris('hostPathSet'), catalogue('WL-09')],
  remediation:
    'Replace the hostPath with an `emptyDir`, a ConfigMap/Secret volume or a PersistentVolumeClaim; if a node path is unavoidable, mount a narrow directory with `volumeMounts[].readOnly: true`.',
  defaultExemptNamespaces: [...SYSTEM_NAMESPACES],
  evaluate: (ctx) =>
    evaluateWorkloads(ctx, {
      exempt: SYSTEM_NAMESPACES,
      judge(t) {
        const uses = hostPathUses(t.spec);
        if (uses.length === 0) return PASS;
        const seen = uses.map((u): Observation => {
          const sensitive = isSensitivePath(u.path);
          const writable = u.writableBy.length > 0;
          const how = writable ? `writable by ${u.writableBy.join(', ')}` : u.mountedBy.length ? 'read-only' : 'declared, not mounted';
          return {
            status: sensitive || writable ? 'fail' : 'warn',
            field: `volumes[${u.volumeIndex}].hostPath.path`,
            expected: 'no hostPath, or a non-sensitive path mounted read-only',
            actual: `${u.path} (${sensitive ? 'sensitive, ' : ''}${how})`,
            note: `volume "${u.volume}" mounts host path ${u.path}${sensitive ? ' (sensitive)' : ''}${writable ? ' writable' : ''}`,
          };
        });
        return verdictOf(t, seen, PASS);
      },
    }),
});
