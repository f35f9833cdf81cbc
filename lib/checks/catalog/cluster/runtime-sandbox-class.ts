import { defineCheck } from '../../types';
import { CLUSTER_ID } from '../../../model/ids';
import { preview } from './_lib/format';
import { missingInput, unknownResult } from './_lib/inputs';
import { catalogue, k8sDocs, kubescape } from './_lib/refs';
import { ev, result } from './_lib/result';
import { workloadIndex } from './_lib/workloads';

/** Handlers of sandboxing runtimes: gVisor, Kata Containers, Firecracker-based Kata. */
const SANDBOX_HANDLER = /runsc|gvisor|kata|firecracker|\bfc\b/i;

/**
 * Informational: a sandboxed runtime gives untrusted or multi-tenant workloads a second kernel
 * boundary. Its absence is not a misconfiguration, so the severity is info.
 */
export default defineCheck({
  id: 'runtime-sandbox-class',
  title: 'A sandboxed RuntimeClass is available',
  description:
    'Passes when a RuntimeClass uses a sandboxing handler (gVisor runsc, Kata Containers), reporting how many workloads use it; fails (informational) when none exists.',
  component: 'container-runtime',
  area: 'workloads',
  severity: 'info',
  tier: 'api',
  references: [kubescape('C-0297'), k8sDocs('RuntimeClass', 'https://kubernetes.io/docs/concepts/containers/runtime-class/'), catalogue('CR-04')],
  remediation:
    'Install gVisor or Kata Containers on a node pool, create `kind: RuntimeClass` with `handler: runsc`, and set `spec.template.spec.runtimeClassName: gvisor` on untrusted workloads.',
  evaluate({ inv }) {
    const missing = missingInput(inv, 'RuntimeClass');
    if (missing) return [unknownResult(CLUSTER_ID, missing, 'a sandboxed RuntimeClass')];
    const sandboxes = inv.runtimeClasses.filter((rc) => SANDBOX_HANDLER.test(rc.handler) || SANDBOX_HANDLER.test(rc.meta.name));
    if (sandboxes.length === 0) {
      const all = inv.runtimeClasses.map((rc) => `${rc.meta.name} (${rc.handler})`);
      return [
        result(CLUSTER_ID, 'fail', 'No sandboxed RuntimeClass (gVisor, Kata) is available for untrusted workloads.', [
          ev('a RuntimeClass with a sandbox handler', all.length ? preview(all) : 'no RuntimeClasses', 'RuntimeClasses · handler'),
        ]),
      ];
    }
    const names = new Set(sandboxes.map((rc) => rc.meta.name));
    const users = workloadIndex(inv).targets.filter((t) => t.spec.runtimeClassName && names.has(t.spec.runtimeClassName)).length;
    return sandboxes.map((rc) =>
      result(
        CLUSTER_ID,
        'pass',
        `RuntimeClass ${rc.meta.name} (handler ${rc.handler}) is available; ${users} workload(s) use a sandboxed runtime.`,
        [ev('a RuntimeClass with a sandbox handler', rc.handler, `RuntimeClass ${rc.meta.name} · handler`)],
        { kind: 'RuntimeClass', name: rc.meta.name },
      ),
    );
  },
});
