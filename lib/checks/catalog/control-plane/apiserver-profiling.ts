import { flagEvidence, forEachFlagComponent, verdict } from '../../helpers';
import { catalogue, cis, kubescape, trivy } from '../../refs';
import { defineCheck } from '../../types';

export default defineCheck({
  id: 'apiserver-profiling',
  title: 'API server profiling is disabled',
  description:
    'Profiling serves /debug/pprof, which reveals internals of the running process and can be used to slow it down. It is on by default and only needed while debugging performance.',
  component: 'kube-apiserver',
  area: 'api-access',
  severity: 'low',
  tier: 'api',
  references: [cis('1.2.15'), kubescape('C-0129'), trivy('KCV-0018'), catalogue('AS-10')],
  remediation: 'Set --profiling=false on kube-apiserver.',
  evaluate: (ctx) =>
    forEachFlagComponent(ctx, 'kube-apiserver', (c, flags) =>
      verdict(c, flags['profiling'] === 'false', 'Profiling is disabled.', 'Profiling endpoints are enabled (the default).', [
        flagEvidence(c, 'profiling', '--profiling=false'),
      ]),
    ),
});
