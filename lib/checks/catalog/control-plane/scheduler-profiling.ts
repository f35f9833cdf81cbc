import { flagEvidence, forEachFlagComponent, verdict } from '../../helpers';
import { catalogue, cis, kubescape, trivy } from '../../refs';
import { defineCheck } from '../../types';

export default defineCheck({
  id: 'scheduler-profiling',
  title: 'Scheduler profiling is disabled',
  description: 'Profiling serves /debug/pprof from the scheduler, revealing internals and offering a way to slow it down. It is on by default.',
  component: 'kube-scheduler',
  area: 'api-access',
  severity: 'low',
  tier: 'api',
  references: [cis('1.4.1'), kubescape('C-0151'), trivy('KCV-0040'), catalogue('SC-01')],
  remediation: 'Set --profiling=false on kube-scheduler (/etc/kubernetes/manifests/kube-scheduler.yaml).',
  evaluate: (ctx) =>
    forEachFlagComponent(ctx, 'kube-scheduler', (c, flags) =>
      verdict(c, flags['profiling'] === 'false', 'Profiling is disabled.', 'Profiling endpoints are enabled (the default).', [
        flagEvidence(c, 'profiling', '--profiling=false'),
      ]),
    ),
});
