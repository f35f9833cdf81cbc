import { forEachKubelet } from '../../kubelet-config';
import { catalogue, cis, kubescape, trivy } from '../../refs';
import { defineCheck } from '../../types';

const ROTATE = 'rotateCertificates';
const GATE = 'featureGates.RotateKubeletServerCertificate';

export default defineCheck({
  id: 'kubelet-rotate-certificates',
  title: 'Kubelets rotate their certificates',
  description:
    'rotateCertificates makes the kubelet renew its client certificate before it expires (the KubeletConfiguration default is false; kubeadm sets true). Disabling the RotateKubeletServerCertificate feature gate stops serving-certificate renewal.',
  component: 'kubelet',
  area: 'credentials',
  severity: 'medium',
  tier: 'api+probe',
  references: [cis('4.2.10'), cis('4.2.11'), kubescape('C-0182'), kubescape('C-0183'), trivy('KCV-0090'), trivy('KCV-0091'), catalogue('KL-09')],
  remediation: 'Set `rotateCertificates: true` in the KubeletConfiguration and remove `RotateKubeletServerCertificate: false` from its featureGates, then restart the kubelet.',
  evaluate: (ctx) =>
    forEachKubelet(ctx, (cfg) => {
      const problems: string[] = [];
      if (cfg.get(ROTATE) !== true) problems.push('client certificate rotation is off');
      if (cfg.get(GATE) === false) problems.push('serving certificate rotation is disabled by feature gate');
      return {
        status: problems.length === 0 ? 'pass' : 'fail',
        message: problems.length === 0 ? 'The kubelet renews its certificates.' : `Kubelet certificates are not renewed: ${problems.join('; ')}.`,
        evidence: [cfg.evidence(ROTATE, 'true'), cfg.evidence(GATE, 'not false')],
      };
    }),
});
