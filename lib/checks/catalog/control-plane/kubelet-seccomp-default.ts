import { forEachKubelet } from '../../kubelet-config';
import { catalogue, cis } from '../../refs';
import { defineCheck } from '../../types';

const FIELD = 'seccompDefault';

export default defineCheck({
  id: 'kubelet-seccomp-default',
  title: 'Containers get the RuntimeDefault seccomp profile by default',
  description:
    'With seccompDefault the kubelet applies the runtime\'s default seccomp profile to every container that does not ask for one, blocking dozens of rarely needed, often exploited syscalls. The default is false (containers run Unconfined).',
  component: 'kubelet',
  area: 'workloads',
  severity: 'medium',
  tier: 'api+probe',
  references: [cis('4.2.14'), catalogue('KL-12')],
  remediation: 'Set `seccompDefault: true` in the KubeletConfiguration (flag: --seccomp-default) and restart the kubelet; test workloads first, as a few need extra syscalls.',
  evaluate: (ctx) =>
    forEachKubelet(ctx, (cfg) => {
      const ok = cfg.get(FIELD) === true;
      return {
        status: ok ? 'pass' : 'fail',
        message: ok ? 'Containers default to the RuntimeDefault seccomp profile.' : 'Containers without a seccomp profile run Unconfined.',
        evidence: [cfg.evidence(FIELD, 'true')],
      };
    }),
});
