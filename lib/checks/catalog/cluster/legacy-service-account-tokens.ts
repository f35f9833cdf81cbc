import type { CheckResult } from '../../types';
import { defineCheck } from '../../types';
import { apiserverComponentId } from './_lib/components';
import { missingInput, unknownResult } from './_lib/inputs';
import { catalogue, k8sDocs, kubescape } from './_lib/refs';
import { ev, result } from './_lib/result';

const TYPE = 'kubernetes.io/service-account-token';
/** Labels set by the LegacyServiceAccountTokenTracking / CleanUp controllers (1.26+ / 1.29+). */
const LAST_USED = 'kubernetes.io/legacy-token-last-used';
const INVALID_SINCE = 'kubernetes.io/legacy-token-invalid-since';
const SA_ANNOTATION = 'kubernetes.io/service-account.name';

/**
 * Legacy token Secrets never expire and are readable by anyone who can read Secrets in the
 * namespace. Only metadata is read: type, labels, annotations.
 */
export default defineCheck({
  id: 'legacy-service-account-tokens',
  title: 'No long-lived service account token Secrets',
  description:
    'Fails for each Secret of type kubernetes.io/service-account-token (a non-expiring token); passes those the API server has already invalidated (legacy-token-invalid-since label). Reported with the legacy-token-last-used date when the API server tracks it. Unknown when Secrets cannot be listed.',
  component: 'kube-apiserver',
  area: 'credentials',
  severity: 'medium',
  tier: 'api',
  references: [kubescape('C-0261'), k8sDocs('Legacy service account token cleanup', 'https://kubernetes.io/docs/reference/access-authn-authz/service-accounts-admin/#legacy-serviceaccount-token-cleaner'), catalogue('CE-04')],
  remediation:
    'Delete the Secret (`kubectl delete secret <name> -n <ns>`) and have clients use short-lived tokens: a projected `serviceAccountToken` volume in pods, or `kubectl create token <sa> --duration=1h` for external tools.',
  evaluate({ inv, arch }) {
    const componentId = apiserverComponentId(arch);
    const missing = missingInput(inv, 'Secret');
    if (missing) return [unknownResult(componentId, missing, 'no legacy service account token Secrets')];
    const out: CheckResult[] = [];
    for (const s of inv.secrets) {
      if (s.type !== TYPE) continue;
      const ns = s.meta.namespace ?? '';
      const ref = { kind: 'Secret', namespace: ns, name: s.meta.name };
      const src = `Secret ${ns}/${s.meta.name}`;
      const sa = s.meta.annotations[SA_ANNOTATION] ?? 'unknown';
      const lastUsed = s.meta.labels[LAST_USED];
      const invalid = s.meta.labels[INVALID_SINCE];
      const evidence = [
        ev('no non-expiring tokens', `type ${TYPE} for ServiceAccount ${sa}`, `${src} · type`),
        ev('token unused or invalidated', invalid ? `invalid since ${invalid}` : lastUsed ? `last used ${lastUsed}` : 'usage not tracked', `${src} · metadata.labels["${invalid ? INVALID_SINCE : LAST_USED}"]`),
      ];
      if (invalid) {
        out.push(result(componentId, 'pass', `${src} was invalidated on ${invalid}; it can be deleted.`, evidence, ref));
        continue;
      }
      out.push(result(componentId, 'fail', `${src} holds a non-expiring token for ServiceAccount ${sa}${lastUsed ? `, last used ${lastUsed}` : ''}.`, evidence, ref));
    }
    if (out.length === 0)
      out.push(result(componentId, 'pass', 'No legacy service account token Secrets exist.', [ev('no non-expiring tokens', 'none', `Secrets · type=${TYPE}`)]));
    return out;
  },
});
