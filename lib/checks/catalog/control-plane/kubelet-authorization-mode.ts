import { forEachKubelet } from '../../kubelet-config';
import { catalogue, cis, kubescape, trivy } from '../../refs';
import { defineCheck } from '../../types';

const FIELD = 'authorization.mode';

export default defineCheck({
  id: 'kubelet-authorization-mode',
  title: 'Kubelets authorize requests through the API server',
  description:
    'With authorization mode AlwaysAllow, any authenticated caller may exec into every container on the node. Webhook mode asks the API server (SubjectAccessReview) for each request, so RBAC applies to the kubelet API.',
  component: 'kubelet',
  area: 'authn-authz',
  severity: 'critical',
  tier: 'api+probe',
  references: [cis('4.2.2'), kubescape('C-0173'), trivy('KCV-0080'), catalogue('KL-02')],
  remediation: 'Set `authorization: {mode: Webhook}` in the KubeletConfiguration (flag: --authorization-mode=Webhook) and restart the kubelet.',
  evaluate: (ctx) =>
    forEachKubelet(ctx, (cfg) => {
      const mode = String(cfg.get(FIELD));
      const ok = mode === 'Webhook';
      return {
        status: ok ? 'pass' : 'fail',
        message: ok ? 'Kubelet requests are authorized by the API server.' : `The kubelet authorizes with ${mode}: every authenticated caller is allowed.`,
        evidence: [cfg.evidence(FIELD, 'Webhook')],
      };
    }),
});
