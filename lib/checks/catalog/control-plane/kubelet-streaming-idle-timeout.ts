import { parseDurationSeconds } from '../../helpers';
import { forEachKubelet } from '../../kubelet-config';
import { catalogue, cis, kubescape, trivy } from '../../refs';
import { defineCheck } from '../../types';

const FIELD = 'streamingConnectionIdleTimeout';

export default defineCheck({
  id: 'kubelet-streaming-idle-timeout',
  title: 'Idle exec and port-forward sessions time out',
  description:
    'A streamingConnectionIdleTimeout of 0 keeps idle exec, attach and port-forward connections open forever, tying up node resources and leaving forgotten shells into containers. The default is 4h.',
  component: 'kubelet',
  area: 'resources',
  severity: 'low',
  tier: 'api+probe',
  references: [cis('4.2.5'), kubescape('C-0176'), trivy('KCV-0085'), catalogue('KL-05')],
  remediation: 'Set `streamingConnectionIdleTimeout: 5m` (any non-zero duration) in the KubeletConfiguration and restart the kubelet.',
  evaluate: (ctx) =>
    forEachKubelet(ctx, (cfg) => {
      const raw = String(cfg.get(FIELD));
      const seconds = parseDurationSeconds(raw);
      const ok = seconds !== undefined && seconds > 0;
      return {
        status: ok ? 'pass' : 'fail',
        message: ok ? `Idle streaming sessions close after ${raw}.` : 'Idle streaming sessions never time out.',
        evidence: [cfg.evidence(FIELD, 'a non-zero duration')],
      };
    }),
});
