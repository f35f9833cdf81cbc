import { flagEvidence, forEachFlagComponent, verdict } from '../../helpers';
import { catalogue, cis, kubescape, trivy } from '../../refs';
import { defineCheck } from '../../types';

export default defineCheck({
  id: 'apiserver-token-auth-file',
  title: 'The API server does not accept static tokens',
  description:
    'A static token file holds long-lived bearer tokens in clear text on the control-plane node. They never expire, cannot be revoked without restarting the API server, and bypass every token lifetime control.',
  component: 'kube-apiserver',
  area: 'authn-authz',
  severity: 'high',
  tier: 'api',
  references: [cis('1.2.2'), kubescape('C-0114'), trivy('KCV-0002'), catalogue('AS-02')],
  remediation:
    'Remove --token-auth-file from /etc/kubernetes/manifests/kube-apiserver.yaml and authenticate people with OIDC (e.g. --oidc-issuer-url=https://login.example.com --oidc-client-id=kubernetes) and workloads with bound service-account tokens.',
  evaluate: (ctx) =>
    forEachFlagComponent(ctx, 'kube-apiserver', (c, flags) =>
      verdict(
        c,
        flags['token-auth-file'] === undefined,
        'No static token file is configured.',
        `A static token file is configured (${flags['token-auth-file']}).`,
        [flagEvidence(c, 'token-auth-file', 'not set')],
      ),
    ),
});
