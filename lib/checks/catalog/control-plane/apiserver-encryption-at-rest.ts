import { apiserverContexts, evidence, flagEvidence, missingInput, resultOn } from '../../helpers';
import { catalogue, cis, kubescape, trivy } from '../../refs';
import { defineCheck, type Evidence } from '../../types';

/** `k8s:enc:aescbc:v1:key1:` → encrypted; `identity` → plain text. */
const isEncrypting = (prefix: string): boolean => prefix.startsWith('k8s:enc:') && !prefix.startsWith('k8s:enc:identity');

export default defineCheck({
  id: 'apiserver-encryption-at-rest',
  title: 'Secrets are encrypted at rest in etcd',
  description:
    'Without an encryption provider, Secrets are stored in etcd in plain text, so anyone with an etcd backup or disk can read them. ' +
    'The flag --encryption-provider-config shows encryption is configured; the file itself (aescbc, secretbox, kms v2 vs identity) is on the node. ' +
    "The API server's storage-transformation metric shows which transformers are actually used, also on managed control planes.",
  component: 'kube-apiserver',
  area: 'encryption',
  severity: 'high',
  tier: 'api+probe',
  references: [cis('1.2.27'), cis('1.2.28'), kubescape('C-0141'), kubescape('C-0066'), trivy('KCV-0030'), catalogue('AS-17')],
  remediation:
    'Create an EncryptionConfiguration with a kms (v2) or aescbc provider for `resources: [secrets]`, pass it with --encryption-provider-config=/etc/kubernetes/enc/encryption.yaml, ' +
    'then rewrite existing Secrets: `kubectl get secrets -A -o json | kubectl replace -f -`. On EKS/GKE/AKS enable envelope encryption with a KMS key.',
  evaluate({ inv, arch }) {
    const prefixes = inv.metrics?.storageTransformers ?? [];
    const encrypting = prefixes.filter(isEncrypting);
    const metricEv: Evidence[] = prefixes.length
      ? [evidence('a k8s:enc:<provider> transformer', prefixes.join(', '), 'apiserver /metrics · apiserver_storage_transformation_operations_total{transformer_prefix}')]
      : [];
    return apiserverContexts(arch).map((t) => {
      if (t.component && t.flags) {
        const ev = [flagEvidence(t.component, 'encryption-provider-config', 'an EncryptionConfiguration file'), ...metricEv];
        if (t.flags['encryption-provider-config'] === undefined) {
          return resultOn(t, 'fail', 'No encryption provider is configured: Secrets are stored in etcd in plain text.', ev);
        }
        if (prefixes.length > 0 && encrypting.length === 0) {
          return resultOn(t, 'warn', 'An encryption configuration is set, but the API server only reports the identity (plain-text) transformer.', ev);
        }
        return resultOn(t, 'pass', 'An encryption provider configuration is set.', ev);
      }
      if (encrypting.length > 0) return resultOn(t, 'pass', `Stored objects pass through an encrypting transformer (${encrypting.join(', ')}).`, metricEv);
      const why =
        missingInput(inv, '/metrics') ??
        (prefixes.length > 0
          ? 'the metrics only show plain-text storage operations, which does not rule out provider-side encryption'
          : 'the API server flags are not visible and /metrics shows no storage transformers');
      return resultOn(t, 'unknown', `Cannot evaluate: ${why}.`, metricEv);
    });
  },
});
