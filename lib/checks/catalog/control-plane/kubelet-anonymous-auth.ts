import { forEachKubelet } from '../../kubelet-config';
import { catalogue, cis, kubescape, trivy } from '../../refs';
import { defineCheck } from '../../types';

const FIELD = 'authentication.anonymous.enabled';

export default defineCheck({
  id: 'kubelet-anonymous-auth',
  title: 'Kubelets reject anonymous requests',
  description:
    'The kubelet API (port 10250) runs commands in containers, streams logs and lists pods. With anonymous auth on, anyone who reaches a node can use whatever the kubelet authorizes for system:anonymous. ' +
    "Evidence comes from each kubelet's configz when the opt-in read is enabled, else from the kubelet-config ConfigMap baseline.",
  component: 'kubelet',
  area: 'api-access',
  severity: 'critical',
  tier: 'api+probe',
  references: [cis('4.2.1'), kubescape('C-0069'), kubescape('C-0172'), trivy('KCV-0079'), catalogue('KL-01')],
  remediation: 'Set `authentication: {anonymous: {enabled: false}}` in the KubeletConfiguration (/var/lib/kubelet/config.yaml, or the kubelet-config ConfigMap) and restart the kubelet; the flag equivalent is --anonymous-auth=false.',
  evaluate: (ctx) =>
    forEachKubelet(ctx, (cfg) => {
      const on = cfg.get(FIELD) === true;
      return {
        status: on ? 'fail' : 'pass',
        message: on ? 'The kubelet accepts anonymous requests.' : 'The kubelet rejects anonymous requests.',
        evidence: [cfg.evidence(FIELD, 'false')],
      };
    }),
});
