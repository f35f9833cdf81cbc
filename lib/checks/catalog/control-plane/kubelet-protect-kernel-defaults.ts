import { forEachKubelet } from '../../kubelet-config';
import { catalogue, kubescape, trivy } from '../../refs';
import { defineCheck } from '../../types';

const FIELD = 'protectKernelDefaults';

export default defineCheck({
  id: 'kubelet-protect-kernel-defaults',
  title: 'Kubelets refuse to run with unexpected kernel settings',
  description:
    'With protectKernelDefaults the kubelet fails to start when kernel tunables differ from the values it needs, instead of silently changing them, so hardening done on the host cannot be undone by the kubelet. The default is false.',
  component: 'kubelet',
  area: 'workloads',
  severity: 'low',
  tier: 'api+probe',
  references: [kubescape('C-0177'), trivy('KCV-0083'), catalogue('KL-06')],
  remediation:
    'Set the required sysctls on the host (vm.overcommit_memory=1, vm.panic_on_oom=0, kernel.panic=10, kernel.panic_on_oops=1), then `protectKernelDefaults: true` in the KubeletConfiguration and restart the kubelet.',
  evaluate: (ctx) =>
    forEachKubelet(ctx, (cfg) => {
      const ok = cfg.get(FIELD) === true;
      return {
        status: ok ? 'pass' : 'fail',
        message: ok ? 'The kubelet protects kernel defaults.' : 'The kubelet may change kernel tunables on its own.',
        evidence: [cfg.evidence(FIELD, 'true')],
      };
    }),
});
