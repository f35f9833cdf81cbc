import { apiserverContexts, evidence, flagEvidence, missingInput, parseVersion, resultOn, versionAtLeast } from '../../helpers';
import { catalogue, cis, kubescape } from '../../refs';
import { tlsVersionRank } from '../../tls';
import { defineCheck, type Evidence } from '../../types';

export default defineCheck({
  id: 'apiserver-tls-min-version',
  title: 'The API server refuses TLS 1.0 and 1.1',
  description:
    'TLS 1.0 and 1.1 are deprecated (RFC 8996). The live probe tries handshakes restricted to each old protocol; every one must be refused. ' +
    'When only flags are visible: --tls-min-version must be VersionTLS12 or VersionTLS13. When unset, Kubernetes 1.30+ (built with Go 1.22+) defaults to TLS 1.2 and older releases accepted TLS 1.0.',
  component: 'kube-apiserver',
  area: 'tls',
  severity: 'medium',
  tier: 'api+probe',
  references: [cis('1.2.29'), kubescape('C-0277'), catalogue('AS-15')],
  remediation: 'Set --tls-min-version=VersionTLS12 (or VersionTLS13) on kube-apiserver.',
  evaluate({ inv, arch }) {
    const legacy = inv.tls?.legacyProtocols ?? [];
    const accepted = legacy.filter((p) => p.accepted).map((p) => p.version);
    return apiserverContexts(arch).map((t) => {
      const version = parseVersion(t.component?.version ?? inv.version?.gitVersion);
      const ev: Evidence[] = legacy.map((p) =>
        evidence('refused', p.accepted ? 'accepted' : 'refused', `probe · ${p.version} handshake to ${inv.tls?.endpoint ?? inv.cluster.server}`),
      );
      if (accepted.length > 0) return resultOn(t, 'fail', `The API endpoint accepts ${accepted.join(' and ')}.`, ev);
      const probed = legacy.length > 0;
      if (t.component && t.flags) {
        ev.unshift(flagEvidence(t.component, 'tls-min-version', 'VersionTLS12 or VersionTLS13'));
        const value = t.flags['tls-min-version'];
        if (value !== undefined) {
          const rank = tlsVersionRank(value);
          if (rank === undefined || rank < 12) return resultOn(t, 'fail', `--tls-min-version=${value} allows protocols older than TLS 1.2.`, ev);
          return resultOn(t, 'pass', `The minimum TLS version is ${value}.`, ev);
        }
        if (probed) return resultOn(t, 'pass', 'TLS 1.0 and 1.1 handshakes are refused.', ev);
        if (version && versionAtLeast(version, '1.30.0')) {
          return resultOn(t, 'pass', 'The flag is unset and this release defaults to TLS 1.2 as its minimum.', ev);
        }
        return resultOn(t, 'fail', 'The flag is unset and this release may accept TLS 1.0 and 1.1.', ev);
      }
      if (probed) return resultOn(t, 'pass', 'TLS 1.0 and 1.1 handshakes are refused.', ev);
      const why = missingInput(inv, 'tls-probe') ?? 'the TLS probe did not test old protocols and the flags are not visible';
      return resultOn(t, 'unknown', `Cannot evaluate: ${why}.`, ev);
    });
  },
});
