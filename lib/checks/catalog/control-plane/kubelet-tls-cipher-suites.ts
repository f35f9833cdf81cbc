import { forEachKubelet } from '../../kubelet-config';
import { catalogue, cis, kubescape, trivy } from '../../refs';
import { STRONG_CIPHERS_EXAMPLE, tlsVersionRank, weakSuites } from '../../tls';
import { defineCheck } from '../../types';

export default defineCheck({
  id: 'kubelet-tls-cipher-suites',
  title: 'Kubelets only negotiate strong TLS',
  description:
    'tlsCipherSuites must list only AEAD suites with forward secrecy, and tlsMinVersion must be VersionTLS12 or newer. When the suites are unset the Go defaults (which include CBC-mode suites) apply, which is a warning.',
  component: 'kubelet',
  area: 'tls',
  severity: 'medium',
  tier: 'api+probe',
  references: [cis('4.2.12'), kubescape('C-0184'), trivy('KCV-0092'), catalogue('KL-10')],
  remediation: `Set \`tlsMinVersion: VersionTLS12\` and \`tlsCipherSuites: [${STRONG_CIPHERS_EXAMPLE.split(',').join(', ')}]\` in the KubeletConfiguration and restart the kubelet.`,
  evaluate: (ctx) =>
    forEachKubelet(ctx, (cfg) => {
      const evidence = [cfg.evidence('tlsCipherSuites', 'only strong AEAD suites'), cfg.evidence('tlsMinVersion', 'VersionTLS12 or VersionTLS13')];
      const suites = cfg.get('tlsCipherSuites');
      const min = cfg.get('tlsMinVersion');
      const problems: string[] = [];
      if (Array.isArray(suites)) {
        const weak = weakSuites(suites.map(String));
        if (weak.length > 0) problems.push(`weak suites ${weak.join(', ')}`);
      }
      if (typeof min === 'string' && (tlsVersionRank(min) ?? 0) < 12) problems.push(`minimum version ${min}`);
      if (problems.length > 0) return { status: 'fail', message: `The kubelet allows weak TLS: ${problems.join('; ')}.`, evidence };
      if (!Array.isArray(suites) || suites.length === 0) {
        return { status: 'warn', message: 'No cipher suites are pinned, so the Go defaults (including CBC-mode suites) are offered.', evidence };
      }
      return { status: 'pass', message: 'The kubelet only offers strong cipher suites.', evidence };
    }),
});
