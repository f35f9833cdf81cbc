import type { CheckResult } from '../../types';
import { defineCheck } from '../../types';
import { daysBetween } from '../../helpers';
import { apiserverComponentId } from './_lib/components';
import { missingInput, unknownResult } from './_lib/inputs';
import { catalogue, k8sDocs } from './_lib/refs';
import { ev, result } from './_lib/result';

const TYPE = 'bootstrap.kubernetes.io/token';
/** kubeadm's default token TTL; a token older than this with no known expiry is suspect. */
const DEFAULT_TTL_DAYS = 1;
const STALE_DAYS = 7;

/** An expiry stated in a label or annotation (`…expiration`, `…expires`), if any. */
function statedExpiry(meta: { labels: Record<string, string>; annotations: Record<string, string> }): { key: string; at: string } | undefined {
  for (const [key, value] of [...Object.entries(meta.annotations), ...Object.entries(meta.labels)]) {
    if (/expir/i.test(key) && !Number.isNaN(Date.parse(value))) return { key, at: value };
  }
  return undefined;
}

/**
 * The token's own `expiration` lives in the Secret's data, which is never collected; the
 * tokencleaner controller deletes expired tokens, so a token that is still listed is at least
 * not yet expired. Without a readable expiry we warn, and fail once a token has been around for
 * a week, far beyond kubeadm's 24 h default (a sign of `--ttl 0`).
 */
export default defineCheck({
  id: 'bootstrap-tokens',
  title: 'Bootstrap tokens are revoked after use',
  description:
    `Per bootstrap token Secret (type ${TYPE} in kube-system): passes when a label or annotation states an expiry within ${DEFAULT_TTL_DAYS} day; warns when the token is still present ("revoke after bootstrap"); fails when it is older than ${STALE_DAYS} days or states an expiry beyond that. ` +
    'Only metadata is read, so the expiration in the token data is not visible. Unknown when Secrets cannot be listed.',
  component: 'kube-apiserver',
  area: 'credentials',
  severity: 'high',
  tier: 'api',
  references: [k8sDocs('Bootstrap tokens', 'https://kubernetes.io/docs/reference/access-authn-authz/bootstrap-tokens/'), catalogue('CE-05')],
  remediation:
    'Delete tokens once nodes have joined: `kubeadm token delete <id>` (or `kubectl -n kube-system delete secret bootstrap-token-<id>`), and create new ones with a short lifetime: `kubeadm token create --ttl 1h`.',
  evaluate({ inv, arch }) {
    const componentId = apiserverComponentId(arch);
    const missing = missingInput(inv, 'Secret', 'kube-system');
    if (missing) return [unknownResult(componentId, missing, 'no lingering bootstrap tokens')];
    const out: CheckResult[] = [];
    for (const s of inv.secrets) {
      if (s.type !== TYPE || s.meta.namespace !== 'kube-system') continue;
      const ref = { kind: 'Secret', namespace: 'kube-system', name: s.meta.name };
      const src = `Secret kube-system/${s.meta.name}`;
      const age = s.meta.creationTimestamp ? daysBetween(s.meta.creationTimestamp, inv.collectedAt) : undefined;
      const expiry = statedExpiry(s.meta);
      const left = expiry ? daysBetween(inv.collectedAt, expiry.at) : undefined;
      const evidence = [
        ev('bootstrap tokens deleted after nodes join', `present${age !== undefined ? `, created ${Math.floor(age)} day(s) ago` : ''}`, `${src} · metadata.creationTimestamp`),
        expiry
          ? ev(`expires within ${DEFAULT_TTL_DAYS} day`, expiry.at, `${src} · metadata["${expiry.key}"]`)
          : ev(`expires within ${DEFAULT_TTL_DAYS} day`, 'not visible (stored in the Secret data, which is not read)', `${src} · data.expiration`),
      ];
      if (left !== undefined && left <= DEFAULT_TTL_DAYS) {
        out.push(result(componentId, 'pass', `Bootstrap token ${s.meta.name} expires at ${expiry?.at ?? ''}.`, evidence, ref));
      } else if ((left !== undefined && left > STALE_DAYS) || (left === undefined && age !== undefined && age > STALE_DAYS)) {
        out.push(result(componentId, 'fail', `Bootstrap token ${s.meta.name} has been present for ${age !== undefined ? `${Math.floor(age)} days` : 'a long time'}${left !== undefined ? ` and stays valid until ${expiry?.at ?? ''}` : ''}; revoke it.`, evidence, ref));
      } else {
        out.push(result(componentId, 'warn', `Bootstrap token ${s.meta.name} still present; revoke after bootstrap.`, evidence, ref));
      }
    }
    if (out.length === 0)
      out.push(result(componentId, 'pass', 'No bootstrap tokens remain in kube-system.', [ev('bootstrap tokens deleted after nodes join', 'none', `Secrets in kube-system · type=${TYPE}`)]));
    return out;
  },
});
