import { flagEvidence, forEachFlagComponent, isLoopbackHost, verdict } from '../../helpers';
import { catalogue, cis, kubescape, trivy } from '../../refs';
import { defineCheck } from '../../types';

export default defineCheck({
  id: 'controller-manager-bind-address',
  title: 'The controller manager serves health and metrics on loopback only',
  description:
    'kube-controller-manager serves /healthz, /metrics and (with profiling) /debug on its secure port. The default --bind-address is 0.0.0.0, which exposes them to every network the node is on.',
  component: 'kube-controller-manager',
  area: 'api-access',
  severity: 'medium',
  tier: 'api',
  references: [cis('1.3.7'), kubescape('C-0150'), trivy('KCV-0039'), catalogue('CM-05')],
  remediation: 'Set --bind-address=127.0.0.1 on kube-controller-manager.',
  evaluate: (ctx) =>
    forEachFlagComponent(ctx, 'kube-controller-manager', (c, flags) => {
      const addr = flags['bind-address'] ?? '0.0.0.0';
      return verdict(c, isLoopbackHost(addr), `The controller manager listens on ${addr} only.`, `The controller manager listens on ${addr}, reachable from the network.`, [
        flagEvidence(c, 'bind-address', '127.0.0.1'),
      ]);
    }),
});
