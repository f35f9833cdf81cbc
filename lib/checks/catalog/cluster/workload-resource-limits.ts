import { defineCheck } from '../../types';
import { type ContainerDefaults, containerDefaults, namespaceIndex } from './_lib/namespaces';
import { catalogue, kubescape, polaris, trivy } from './_lib/refs';
import { type Observation, passing, verdictOf } from './_lib/verdict';
import { type ContainerAt, SYSTEM_NAMESPACES } from './_lib/workloads';
import { evaluateWorkloads } from './_lib/workload-check';

function gap(container: string, path: string, what: string, status: 'fail' | 'warn'): Observation {
  return { status, field: `${path}.resources.${what}`, expected: 'set, or a LimitRange default', actual: 'unset, no LimitRange default', note: `container "${container}" has no ${what}` };
}

const PASS = passing({ message: 'Every container has requests and limits (directly or from a LimitRange default).', expected: 'requests and limits set', actual: 'set', field: 'containers[*].resources' });

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
        let seen: Observation[] | undefined;
        // Containers, then init containers: the first entries of t.containers (ephemeral ones come last and are not counted).
        const n = t.spec.containers.length + t.spec.initContainers.length;
        for (let i = 0; i < n; i++) {
          const { c, path } = t.containers[i] as ContainerAt;
          const { requests, limits } = c.resources;
          if (!requests?.cpu && !d.cpuRequest) (seen ??= []).push(gap(c.name, path, 'requests.cpu', 'fail'));
          if (!requests?.memory && !d.memoryRequest) (seen ??= []).push(gap(c.name, path, 'requests.memory', 'fail'));
          if (!limits?.memory && !d.memoryLimit) (seen ??= []).push(gap(c.name, path, 'limits.memory', 'fail'));
          if (!limits?.cpu && !d.cpuLimit) (seen ??= []).push(gap(c.name, path, 'limits.cpu', 'warn'));
        }
        return verdictOf(t, seen, PASS);
      },
    });
  },
});
