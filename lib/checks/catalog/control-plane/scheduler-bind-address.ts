import { flagEvidence, forEachFlagComponent, isLoopbackHost, verdict } from '../../helpers';
import { catalogue, cis, kubescape, trivy } from '../../refs';
import { defineCheck } from '../../types';

export default defineCheck({
  id: 'scheduler-bind-address',
  title: 'The scheduler serves health and metrics on loopback only',
  description:
    'The scheduler serves /healthz, /metrics and (with profiling) /debug on its secure port. The default --bind-address is 0.0.0.0, which exposes them to every network the node is on.',
  component: 'kube-scheduler',
  area: 'api-access',
  severity: 'medium',
  tier: 'api',
  references: [cis('1.4.2'), kubescape('C-0152'), trivy('KCV-0041'), catalogue('SC-02')],
  remediation: 'Set --bind-address=127.0.0.1 on kube-scheduler.',
  evaluate: (ctx) =>
    forEachFlagComponent(ctx, 'kube-scheduler', (c, flags) => {
      const addr = flags['bind-address'] ?? '0.0.0.0';
      return verdict(c, isLoopbackHost(addr), `The scheduler listens on ${addr} only.`, `The scheduler listens on ${addr}, reachable from the network.`, [
        flagEvidence(c, 'bind-address', '127.0.0.1'),
      ]);
    }),
});
