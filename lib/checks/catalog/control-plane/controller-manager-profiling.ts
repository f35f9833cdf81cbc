import { flagEvidence, forEachFlagComponent, verdict } from '../../helpers';
import { catalogue, cis, kubescape, trivy } from '../../refs';
import { defineCheck } from '../../types';

export default defineCheck({
  id: 'controller-manager-profiling',
  title: 'Controller-manager profiling is disabled',
  description: 'Profiling serves /debug/pprof from kube-controller-manager, revealing internals and offering a way to slow it down. It is on by default.',
  component: 'kube-controller-manager',
  area: 'api-access',
  severity: 'low',
  tier: 'api',
  references: [cis('1.3.2'), kubescape('C-0145'), trivy('KCV-0034'), catalogue('CM-01')],
  remediation: 'Set --profiling=false on kube-controller-manager (/etc/kubernetes/manifests/kube-controller-manager.yaml).',
  evaluate: (ctx) =>
    forEachFlagComponent(ctx, 'kube-controller-manager', (c, flags) =>
      verdict(c, flags['profiling'] === 'false', 'Profiling is disabled.', 'Profiling endpoints are enabled (the default).', [
        flagEvidence(c, 'profiling', '--profiling=false'),
      ]),
    ),
});
