import { defineCheck } from '../../types';
import { type ContainerDefaults, containerDefaults, namespaceIndex } from './_lib/namespaces';
import { catalogue, kubescape, polaris, trivy } from './_lib/refs';
import { type Observation, verdictOf } from './_lib/verdict';
import { SYSTEM_NAMESPACES } from './_lib/workloads';
import { evaluateWorkloads } from './_lib/workload-check';

/**
 * A container without requests is scheduled blind and without a memory limit can starve its
 * node. A LimitRange default in the namespace counts as set, because the API server fills it in
 * at admission. A missing CPU limit only warns: many teams leave it off on purpose to avoid
 * throttling.
 */
export default defineCheck({
  id: 'workload-resource-limits',
  title: 'Containers set CPU and memory requests and limits',
  description:
    'Per workload, for every container and init container: fails when CPU/memory requests or the memory limit are missing and no namespace LimitRange default supplies them; warns when only the CPU limit is missing. ' +
    'System namespaces are exempt by default and reported as not-applicable.',
  component: 'workload',
  area: 'resources',
  severity: 'medium',
  tier: 'api',
  references: [kubescape('C-0009'), kubescape('C-0004'), kubescape('C-0050'), trivy('KSV-0011'), trivy('KSV-0015'), trivy('KSV-0016'), trivy('KSV-0018'), polaris('cpuRequestsMissing'), polaris('memoryRequestsMissing'), polaris('cpuLimitsMissing'), polaris('memoryLimitsMissing'), catalogue('NS-03')],
  remediation: 'Set `resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {memory: 256Mi}}` on each container, or a namespace LimitRange with `defaultRequest` and `default`.',
  defaultExemptNamespaces: [...SYSTEM_NAMESPACES],
  evaluate(ctx) {
    const idx = namespaceIndex(ctx.inv);
    const defaults = new Map<string, ContainerDefaults>();
    const defaultsOf = (ns: string): ContainerDefaults => {
      let d = defaults.get(ns);
      if (!d) {
        d = containerDefaults((idx.limitRanges.get(ns) ?? []).flatMap((r) => r.limits));
        defaults.set(ns, d);
      }
      return d;
    };
    return evaluateWorkloads(ctx, {
      exempt: SYSTEM_NAMESPACES,
      judge(t) {
        const d = defaultsOf(t.ref.namespace);
        const seen: Observation[] = [];
        const all = [
          ...t.spec.containers.map((c, i) => ({ c, path: `containers[${i}]` })),
          ...t.spec.initContainers.map((c, i) => ({ c, path: `initContainers[${i}]` })),
        ];
        for (const { c, path } of all) {
          const gaps: { what: string; status: 'fail' | 'warn'; field: string }[] = [];
          if (!c.resources.requests?.cpu && !d.cpuRequest) gaps.push({ what: 'requests.cpu', status: 'fail', field: 'resources.requests.cpu' });
          if (!c.resources.requests?.memory && !d.memoryRequest) gaps.push({ what: 'requests.memory', status: 'fail', field: 'resources.requests.memory' });
          if (!c.resources.limits?.memory && !d.memoryLimit) gaps.push({ what: 'limits.memory', status: 'fail', field: 'resources.limits.memory' });
          if (!c.resources.limits?.cpu && !d.cpuLimit) gaps.push({ what: 'limits.cpu', status: 'warn', field: 'resources.limits.cpu' });
          for (const g of gaps)
            seen.push({ status: g.status, field: `${path}.${g.field}`, expected: 'set, or a LimitRange default', actual: 'unset, no LimitRange default', note: `container "${c.name}" has no ${g.what}` });
        }
        return verdictOf(t, seen, { message: 'Every container has requests and limits (directly or from a LimitRange default).', expected: 'requests and limits set', actual: 'set', field: 'containers[*].resources' });
      },
    });
  },
});
