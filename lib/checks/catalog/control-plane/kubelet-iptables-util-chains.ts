import { forEachKubelet } from '../../kubelet-config';
import { catalogue, cis, kubescape, trivy } from '../../refs';
import { defineCheck } from '../../types';

const FIELD = 'makeIPTablesUtilChains';

export default defineCheck({
  id: 'kubelet-iptables-util-chains',
  title: 'Kubelets manage their iptables utility chains',
  description:
    'With makeIPTablesUtilChains the kubelet keeps the iptables chains it relies on (e.g. to drop martian packets) in the state it expects, instead of depending on whatever other tools left behind. The default is true.',
  component: 'kubelet',
  area: 'network',
  severity: 'low',
  tier: 'api+probe',
  references: [cis('4.2.6'), kubescape('C-0178'), trivy('KCV-0084'), catalogue('KL-06')],
  remediation: 'Set `makeIPTablesUtilChains: true` in the KubeletConfiguration (or remove the override) and restart the kubelet.',
  evaluate: (ctx) =>
    forEachKubelet(ctx, (cfg) => {
      const ok = cfg.get(FIELD) !== false;
      return {
        status: ok ? 'pass' : 'fail',
        message: ok ? 'The kubelet manages its iptables chains.' : 'The kubelet does not manage its iptables chains.',
        evidence: [cfg.evidence(FIELD, 'true')],
      };
    }),
});
