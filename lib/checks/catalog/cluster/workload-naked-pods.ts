import { type Evidence, defineCheck } from '../../types';
import { catalogue, kubescape } from './_lib/refs';
import { ev } from './_lib/result';
import { SYSTEM_NAMESPACES, readsOwnObject } from './_lib/workloads';
import { type Verdict, evaluateWorkloads } from './_lib/workload-check';

/**
 * A pod without a controller is not recreated after eviction or node loss and escapes rollout
 * policy; it is also a common way to run a one-off privileged debug pod and forget it.
 * Static (mirror) pods are the control plane and are not counted.
 */
/** A controller's own finding (its template is the spec): one shared pass per kind. */
const controllerPasses = new Map<string, Verdict>();
function controllerPass(kind: string): Verdict {
  let v = controllerPasses.get(kind);
  if (v === undefined) {
    const evidence = Object.freeze([Object.freeze(ev('an owning controller', `a ${kind}, which recreates its pods`, 'kind'))]) as Evidence[];
    v = Object.freeze({ status: 'pass', message: `A ${kind} manages these pods.`, evidence });
    if (controllerPasses.size < 1_000) controllerPasses.set(kind, v);
  }
  return v;
}

export default defineCheck({
  id: 'workload-naked-pods',
  title: 'No naked pods',
  description:
    'Fails for pods with no ownerReferences (not created by a Deployment, StatefulSet, DaemonSet, Job or other controller); mirror pods of static manifests are skipped. ' +
    'System namespaces are exempt by default and reported as not-applicable.',
  component: 'workload',
  area: 'workloads',
  severity: 'low',
  tier: 'api',
  references: [kubescape('C-0073'), catalogue('WL-18')],
  remediation: 'Run the pod through a controller, e.g. wrap its spec in a Deployment (`kind: Deployment`, `spec.template.spec: <pod spec>`) or a Job for one-off tasks, then delete the bare pod.',
  defaultExemptNamespaces: [...SYSTEM_NAMESPACES],
  evaluate: (ctx) =>
    evaluateWorkloads(ctx, {
      exempt: SYSTEM_NAMESPACES,
      judge(t) {
        if (t.naked)
          return {
            status: 'fail',
            message: `Pod ${t.ref.namespace}/${t.ref.name} has no controller.`,
            evidence: [ev('an owning controller', 'no ownerReferences', `${t.label} · metadata.ownerReferences`)],
          };
        if (readsOwnObject(t)) return controllerPass(t.ref.kind);
        return {
          status: 'pass',
          message: `Managed by ${t.ref.kind} ${t.ref.name}.`,
          evidence: [ev('an owning controller', `${t.ref.kind} ${t.ref.name}`, t.from === 'pod' ? `${t.label} · metadata.ownerReferences` : t.label)],
        };
      },
    }),
});
