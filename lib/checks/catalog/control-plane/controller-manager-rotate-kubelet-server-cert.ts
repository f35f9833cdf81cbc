import { featureGates } from '../../../model/flags';
import { flagEvidence, forEachFlagComponent, verdict } from '../../helpers';
import { catalogue, cis, kubescape, trivy } from '../../refs';
import { defineCheck } from '../../types';

export default defineCheck({
  id: 'controller-manager-rotate-kubelet-server-cert',
  title: 'Kubelet serving-certificate rotation is not switched off',
  description:
    'The RotateKubeletServerCertificate feature (on by default since 1.12) lets kubelets renew their serving certificates through CSRs. Turning it off on the controller manager leaves kubelets with certificates that expire or are never replaced.',
  component: 'kube-controller-manager',
  area: 'credentials',
  severity: 'medium',
  tier: 'api',
  references: [cis('1.3.6'), kubescape('C-0149'), trivy('KCV-0038'), catalogue('CM-04')],
  remediation: 'Remove RotateKubeletServerCertificate=false from --feature-gates on kube-controller-manager.',
  evaluate: (ctx) =>
    forEachFlagComponent(ctx, 'kube-controller-manager', (c, flags) =>
      verdict(
        c,
        featureGates(flags)['RotateKubeletServerCertificate'] !== false,
        'Kubelet serving-certificate rotation is allowed.',
        'RotateKubeletServerCertificate is disabled.',
        [flagEvidence(c, 'feature-gates', 'no RotateKubeletServerCertificate=false')],
      ),
    ),
});
