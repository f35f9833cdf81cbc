import type { RoleBindingInfo } from '../../../model/inventory';
import { defineCheck } from '../../types';
import { refLabel } from './_lib/format';
import { missingInput } from './_lib/inputs';
import { catalogue, cis, kubescape, polaris, trivy } from './_lib/refs';
import { ev } from './_lib/result';
import { ownBindings, serviceAccountName, tokenMount } from './_lib/service-accounts';
import { evaluateWorkloads } from './_lib/workload-check';
import { SYSTEM_NAMESPACES, fieldSource } from './_lib/workloads';

const EXPECTED = 'token mounted only when the workload calls the API';

const names = new WeakMap<readonly RoleBindingInfo[], string>();

/** `a, b` or `none`; once per account (ownBindings returns one list per account). */
function bindingNames(own: readonly RoleBindingInfo[]): string {
  if (own.length === 0) return 'none';
  let text = names.get(own);
  if (text === undefined) {
    text = own.map((b) => b.meta.name).join(', ');
    names.set(own, text);
  }
  return text;
}

/**
 * A mounted token whose account holds no RBAC grant of its own is dead weight for the app and a
 * free credential for an attacker (it still authenticates, as `system:authenticated`). We use
 * "the account has its own bindings" as the signal that the app talks to the API.
 */
export default defineCheck({
  id: 'rbac-token-automount',
  title: 'Service account tokens are mounted only where needed',
  description:
    'Per workload: fails when a service account token is mounted but the account has no RoleBinding or ClusterRoleBinding of its own (so the app is unlikely to call the API). ' +
    'System namespaces are exempt by default and reported as not-applicable.',
  component: 'workload',
  area: 'authn-authz',
  severity: 'medium',
  tier: 'api',
  references: [cis('5.1.6'), kubescape('C-0190'), kubescape('C-0034'), trivy('KSV-0036'), polaris('automountServiceAccountToken'), catalogue('RB-06')],
  remediation:
    'Set `automountServiceAccountToken: false` in the pod template (`spec.template.spec.automountServiceAccountToken: false`) or on its ServiceAccount; workloads that do call the API keep the default and get a dedicated account.',
  defaultExemptNamespaces: [...SYSTEM_NAMESPACES],
  evaluate(ctx) {
    const saReadable = !missingInput(ctx.inv, 'ServiceAccount');
    return evaluateWorkloads(ctx, {
      exempt: SYSTEM_NAMESPACES,
      judge(t, inv) {
        const mount = tokenMount(inv, t, saReadable);
        const mountEv = ev(EXPECTED, mount.actual, mount.source);
        if (mount.mounted === undefined)
          return { status: 'unknown', message: `Cannot tell whether ${refLabel(t.ref)} mounts a token: its service account is not readable.`, evidence: [mountEv] };
        if (!mount.mounted) {
          const projected = t.spec.volumes.some((v) => v.projectedServiceAccountToken);
          return {
            status: 'pass',
            message: projected ? 'Automount is off; a projected token volume is mounted explicitly.' : 'No service account token is mounted.',
            evidence: [mountEv],
          };
        }
        const sa = serviceAccountName(t);
        const own = ownBindings(inv, t.ref.namespace, sa);
        const saEv = ev('bindings that use the token', bindingNames(own), fieldSource(t, 'serviceAccountName'));
        if (own.length > 0)
          return { status: 'pass', message: `Token mounted; service account ${sa} holds ${own.length} binding(s), so the workload appears to use the API.`, evidence: [mountEv, saEv] };
        return {
          status: 'fail',
          message: `${refLabel(t.ref)} mounts the token of service account ${sa}, which has no RBAC bindings of its own: the token is not needed.`,
          evidence: [mountEv, saEv],
        };
      },
    });
  },
});
