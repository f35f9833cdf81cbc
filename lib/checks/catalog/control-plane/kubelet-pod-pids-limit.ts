import { forEachKubelet } from '../../kubelet-config';
import { catalogue, cis, kubescape } from '../../refs';
import { defineCheck } from '../../types';

const FIELD = 'podPidsLimit';

export default defineCheck({
  id: 'kubelet-pod-pids-limit',
  title: 'Pods have a process limit',
  description:
    'Without podPidsLimit a single pod can fork until the node runs out of process ids (a fork bomb), taking down every other pod and the kubelet itself. The default -1 means unlimited.',
  component: 'kubelet',
  area: 'resources',
  severity: 'low',
  tier: 'api+probe',
  references: [cis('4.2.13'), kubescape('C-0284'), catalogue('KL-11')],
  remediation: 'Set `podPidsLimit: 4096` (sized to your largest workload) in the KubeletConfiguration and restart the kubelet.',
  evaluate: (ctx) =>
    forEachKubelet(ctx, (cfg) => {
      const limit = Number(cfg.get(FIELD));
      const ok = Number.isFinite(limit) && limit > 0;
      return {
        status: ok ? 'pass' : 'fail',
        message: ok ? `Each pod may run at most ${limit} processes.` : 'Pods may create unlimited processes.',
        evidence: [cfg.evidence(FIELD, 'a positive number')],
      };
    }),
});
