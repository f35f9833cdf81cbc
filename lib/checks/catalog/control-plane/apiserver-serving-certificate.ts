import type { CertificateInfo } from '../../../model/inventory';
import { apiserverTargets, daysBetween, evidence, missingInput, resultAt } from '../../helpers';
import { catalogue, cis } from '../../refs';
import { defineCheck, type Evidence } from '../../types';

const MIN_DAYS = 30;

/** `DNS:kubernetes`, `IP Address:10.0.0.1`, `IP:10.0.0.1` or a bare name → the name. */
function sanValue(san: string): string {
  return san.replace(/^(DNS|IP Address|IP|URI|email):/i, '').trim().toLowerCase();
}

function covers(sans: readonly string[], host: string): boolean {
  const h = host.toLowerCase();
  return sans.map(sanValue).some((s) => s === h || (s.startsWith('*.') && h.endsWith(s.slice(1)) && !h.slice(0, -s.length + 1).includes('.')));
}

function hostOfServer(url: string): string | undefined {
  try {
    return new URL(url).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return undefined;
  }
}

/** `RSA 2048` → 2048; undefined for EC and unknown keys. */
function rsaBits(key: string | undefined): number | undefined {
  const m = /^RSA\s+(\d+)/i.exec(key ?? '');
  return m ? Number(m[1]) : undefined;
}

function problemsOf(leaf: CertificateInfo, now: string, host: string | undefined): { problems: string[]; evidence: Evidence[] } {
  const src = 'probe · TLS handshake · serving certificate';
  const left = Math.floor(daysBetween(now, leaf.notAfter));
  const problems: string[] = [];
  const ev: Evidence[] = [evidence(`valid for ≥ ${MIN_DAYS} days`, `notAfter ${leaf.notAfter} (${left} days left)`, src)];
  if (left < 0) problems.push(`it expired on ${leaf.notAfter}`);
  else if (left < MIN_DAYS) problems.push(`it expires in ${left} days`);
  if (host) {
    ev.push(evidence(`SANs include ${host}`, leaf.subjectAltNames.join(', ') || '(none)', `${src} · subjectAltName`));
    if (!covers(leaf.subjectAltNames, host)) problems.push(`its SANs do not cover ${host}`);
  }
  const bits = rsaBits(leaf.publicKey);
  if (leaf.publicKey) ev.push(evidence('RSA ≥ 2048 bits or ECDSA', leaf.publicKey, `${src} · public key`));
  if (bits !== undefined && bits < 2048) problems.push(`its RSA key has only ${bits} bits`);
  return { problems, evidence: ev };
}

export default defineCheck({
  id: 'apiserver-serving-certificate',
  title: 'The API serving certificate is valid, matches the endpoint and uses a strong key',
  description:
    'Read from a live TLS handshake with the API endpoint, so it works on every cluster. Fails when the certificate has expired or expires within 30 days, when its subject alternative names do not cover the host clients connect to, or when its RSA key is shorter than 2048 bits.',
  component: 'kube-apiserver',
  area: 'credentials',
  severity: 'high',
  tier: 'probe',
  references: [cis('1.2.24'), catalogue('CE-01')],
  remediation:
    'Renew the certificate before it expires: `kubeadm certs renew apiserver` then restart the kube-apiserver pod (or enable automatic rotation with your provider). ' +
    'Add missing names with apiServer.certSANs in the kubeadm ClusterConfiguration, and reissue with a 2048-bit RSA or an ECDSA P-256 key.',
  evaluate({ inv, arch }) {
    const leaf = inv.tls?.chain[0];
    const host = hostOfServer(inv.tls?.endpoint ?? inv.cluster.server);
    return apiserverTargets(arch).map((id) => {
      if (!inv.tls) {
        const why = missingInput(inv, 'tls-probe') ?? 'the TLS probe did not run';
        return resultAt(id, 'unknown', `Cannot evaluate: ${why}.`, []);
      }
      if (!leaf) return resultAt(id, 'fail', 'The API endpoint presented no certificate.', []);
      const { problems, evidence: ev } = problemsOf(leaf, inv.collectedAt, host);
      return problems.length === 0
        ? resultAt(id, 'pass', `The serving certificate is valid until ${leaf.notAfter} and matches ${host ?? 'the endpoint'}.`, ev)
        : resultAt(id, 'fail', `The serving certificate needs attention: ${problems.join('; ')}.`, ev);
    });
  },
});
