import type { Inventory } from '../../../model/inventory';
import type { Component } from '../../../model/architecture';
import { evidence, flagEvidence, forEachFlagComponent, isLoopbackHost, resultFor } from '../../helpers';
import { catalogue, kubescape } from '../../refs';
import { defineCheck, type Evidence } from '../../types';

/** The service account of the workload or pod the component was read from. */
function serviceAccountOf(inv: Inventory, c: Component): { namespace: string; name: string } | undefined {
  for (const ref of c.objects) {
    const ns = ref.namespace ?? 'kube-system';
    const w = inv.workloads.find((x) => x.kind === ref.kind && x.meta.name === ref.name && x.meta.namespace === ns);
    const p = ref.kind === 'Pod' ? inv.pods.find((x) => x.meta.name === ref.name && x.meta.namespace === ns) : undefined;
    const spec = w?.template.spec ?? p?.spec;
    if (spec) return { namespace: ns, name: spec.serviceAccountName ?? 'default' };
  }
  return undefined;
}

export default defineCheck({
  id: 'cloud-controller-manager-hygiene',
  title: 'A self-hosted cloud controller manager follows the controller-manager hardening',
  description:
    'The cloud controller manager holds cloud credentials and broad cluster rights. Like kube-controller-manager it should use per-controller service accounts, serve on loopback only, disable profiling, and its own service account must not be bound to cluster-admin. ' +
    'Not applicable when no cloud-controller-manager runs in the cluster.',
  component: 'cloud-controller-manager',
  area: 'authn-authz',
  severity: 'medium',
  tier: 'api',
  references: [kubescape('C-0146'), kubescape('C-0150'), kubescape('C-0272'), catalogue('CCM-01')],
  remediation:
    'Run the cloud controller manager with --use-service-account-credentials=true --bind-address=127.0.0.1 --profiling=false, and bind its service account to the provider\'s least-privilege ClusterRole instead of cluster-admin.',
  evaluate: (ctx) =>
    forEachFlagComponent(
      ctx,
      'cloud-controller-manager',
      (c, flags) => {
        const ev: Evidence[] = [
          flagEvidence(c, 'use-service-account-credentials', '--use-service-account-credentials=true'),
          flagEvidence(c, 'bind-address', '127.0.0.1'),
          flagEvidence(c, 'profiling', '--profiling=false'),
        ];
        const problems: string[] = [];
        if (flags['use-service-account-credentials'] !== 'true') problems.push('controllers share one identity');
        if (!isLoopbackHost(flags['bind-address'] ?? '0.0.0.0')) problems.push(`listens on ${flags['bind-address'] ?? '0.0.0.0'}`);
        if (flags['profiling'] !== 'false') problems.push('profiling is on');
        const sa = serviceAccountOf(ctx.inv, c);
        if (sa) {
          const admin = ctx.inv.roleBindings.find(
            (b) =>
              b.roleRef.kind === 'ClusterRole' &&
              b.roleRef.name === 'cluster-admin' &&
              b.subjects.some((s) => s.kind === 'ServiceAccount' && s.name === sa.name && (s.namespace ?? sa.namespace) === sa.namespace),
          );
          ev.push(evidence('not bound to cluster-admin', admin ? `${admin.kind} ${admin.meta.name}` : 'no cluster-admin binding', `ServiceAccount ${sa.namespace}/${sa.name}`));
          if (admin) problems.push(`its service account ${sa.namespace}/${sa.name} is cluster-admin via ${admin.kind} ${admin.meta.name}`);
        }
        return problems.length === 0
          ? resultFor(c, 'pass', 'The cloud controller manager follows the controller-manager hardening.', ev)
          : resultFor(c, 'fail', `The cloud controller manager is not hardened: ${problems.join('; ')}.`, ev);
      },
      { whenAbsent: { status: 'not-applicable', message: 'No self-hosted cloud-controller-manager runs in this cluster.' } },
    ),
});
