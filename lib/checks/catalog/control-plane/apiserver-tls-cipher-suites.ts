import { apiserverContexts, evidence, flagEvidence, missingInput, resultOn, splitList } from '../../helpers';
import { catalogue, cis, kubescape } from '../../refs';
import { STRONG_CIPHERS_EXAMPLE, weakSuites } from '../../tls';
import { defineCheck, type Evidence } from '../../types';

export default defineCheck({
  id: 'apiserver-tls-cipher-suites',
  title: 'The API server only negotiates strong cipher suites',
  description:
    'CBC-mode, 3DES, RC4 and RSA-key-exchange suites are weak or lack forward secrecy. The live probe offers only weak TLS 1.2 suites; every handshake must fail. ' +
    'The flag --tls-cipher-suites must list only AEAD suites with forward secrecy; when unset, the Go defaults still include CBC suites, so the result is a warning unless the probe shows they are refused.',
  component: 'kube-apiserver',
  area: 'tls',
  severity: 'medium',
  tier: 'api+probe',
  references: [cis('1.2.29'), kubescape('C-0277'), catalogue('AS-15')],
  remediation: `Set --tls-cipher-suites=${STRONG_CIPHERS_EXAMPLE} on kube-apiserver.`,
  evaluate({ inv, arch }) {
    const offered = inv.tls?.weakCiphers ?? [];
    const accepted = offered.filter((c) => c.accepted).map((c) => c.suite);
    return apiserverContexts(arch).map((t) => {
      const ev: Evidence[] = [];
      if (offered.length > 0) {
        ev.push(evidence('every weak suite refused', accepted.length ? `accepted: ${accepted.join(', ')}` : `all ${offered.length} refused`, `probe · weak-cipher handshakes to ${inv.tls?.endpoint ?? inv.cluster.server}`));
      }
      if (accepted.length > 0) return resultOn(t, 'fail', `The API endpoint negotiates weak cipher suites: ${accepted.join(', ')}.`, ev);
      if (t.component && t.flags) {
        ev.unshift(flagEvidence(t.component, 'tls-cipher-suites', 'only strong AEAD suites'));
        const value = t.flags['tls-cipher-suites'];
        if (value !== undefined) {
          const weak = weakSuites(splitList(value));
          return weak.length === 0
            ? resultOn(t, 'pass', 'Only strong cipher suites are configured.', ev)
            : resultOn(t, 'fail', `Weak cipher suites are configured: ${weak.join(', ')}.`, ev);
        }
        return offered.length > 0
          ? resultOn(t, 'pass', 'The flag is unset, and the probe found every weak suite refused.', ev)
          : resultOn(t, 'warn', 'The flag is unset, so the Go default suites (including CBC-mode suites) are offered.', ev);
      }
      if (offered.length > 0) return resultOn(t, 'pass', 'Every weak cipher suite offered by the probe was refused.', ev);
      const why = missingInput(inv, 'tls-probe') ?? 'the TLS probe did not test weak suites and the flags are not visible';
      return resultOn(t, 'unknown', `Cannot evaluate: ${why}.`, ev);
    });
  },
});
