import { apiserverContexts, evidence, flagEvidence, missingInput, resultOn } from '../../helpers';
import { catalogue, cis, kubescape, trivy } from '../../refs';
import { defineCheck, type Evidence } from '../../types';

export default defineCheck({
  id: 'apiserver-serving-tls',
  title: 'The API server serves a managed TLS certificate',
  description:
    'Without --tls-cert-file and --tls-private-key-file the API server generates a self-signed certificate in its cert directory, which clients cannot verify and nobody rotates. ' +
    'On a managed control plane the TLS probe shows whether a certificate chain is served.',
  component: 'kube-apiserver',
  area: 'tls',
  severity: 'high',
  tier: 'api+probe',
  references: [cis('1.2.24'), kubescape('C-0138'), trivy('KCV-0027'), catalogue('AS-14')],
  remediation:
    'Set --tls-cert-file=/etc/kubernetes/pki/apiserver.crt and --tls-private-key-file=/etc/kubernetes/pki/apiserver.key on kube-apiserver, with a certificate signed by the cluster CA (kubeadm does this).',
  evaluate({ inv, arch }) {
    const chain = inv.tls?.chain ?? [];
    const leaf = chain[0];
    return apiserverContexts(arch).map((t) => {
      const ev: Evidence[] = [];
      if (leaf) ev.push(evidence('a certificate chain', `${leaf.subject} issued by ${leaf.issuer}`, `probe · TLS handshake to ${inv.tls?.endpoint ?? inv.cluster.server}`));
      if (t.component && t.flags) {
        ev.unshift(flagEvidence(t.component, 'tls-cert-file', 'a certificate file'), flagEvidence(t.component, 'tls-private-key-file', 'a key file'));
        const ok = t.flags['tls-cert-file'] !== undefined && t.flags['tls-private-key-file'] !== undefined;
        return ok
          ? resultOn(t, 'pass', 'A serving certificate and key are configured.', ev)
          : resultOn(t, 'fail', 'No serving certificate is configured: the API server falls back to a generated self-signed certificate.', ev);
      }
      if (!inv.tls) {
        const why = missingInput(inv, 'tls-probe') ?? 'the TLS probe did not run and the apiserver flags are not visible';
        return resultOn(t, 'unknown', `Cannot evaluate: ${why}.`, ev);
      }
      return leaf
        ? resultOn(t, 'pass', 'The API endpoint serves a certificate chain.', ev)
        : resultOn(t, 'fail', 'The API endpoint presented no certificate.', ev);
    });
  },
});
