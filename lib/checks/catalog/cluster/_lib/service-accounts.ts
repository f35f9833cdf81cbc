/**
 * Service accounts as workloads use them: which account a pod runs as, whether its token is
 * mounted (pod setting wins over the account's), and what the account may do.
 */
import type { Inventory, RoleBindingInfo, ServiceAccountInfo } from '../../../../model/inventory';
import { memoByInventory, memoByInventoryAnd2 } from './memo';
import { type Permission, bindingsForServiceAccount, isBuiltIn, roleGrants, roleOf } from './rbac';
import { type WorkloadTarget, fieldSource } from './workloads';

export const serviceAccountIndex = memoByInventory((inv: Inventory) => {
  const byKey = new Map<string, ServiceAccountInfo>();
  for (const sa of inv.serviceAccounts) byKey.set(`${sa.meta.namespace ?? ''}/${sa.meta.name}`, sa);
  return byKey;
});

export function serviceAccountName(t: WorkloadTarget): string {
  return t.spec.serviceAccountName || 'default';
}

export interface TokenMount {
  /** undefined when the pod does not decide and the account could not be read. */
  mounted: boolean | undefined;
  /** Which field decided, for evidence. */
  source: string;
  actual: string;
}

/** What the service account decides when the pod does not: shared by its workloads. */
function accountMount(inv: Inventory, ns: string, name: string, saReadable: boolean): TokenMount {
  const sa = serviceAccountIndex(inv).get(`${ns}/${name}`);
  const saSource = `ServiceAccount ${ns}/${name} · automountServiceAccountToken`;
  if (sa?.automountServiceAccountToken !== undefined)
    return { mounted: sa.automountServiceAccountToken, source: saSource, actual: String(sa.automountServiceAccountToken) };
  if (!sa && !saReadable) return { mounted: undefined, source: saSource, actual: 'service account not readable' };
  return { mounted: true, source: saSource, actual: 'unset on pod and service account (defaults to true)' };
}
const readableAccountMount = memoByInventoryAnd2((inv, ns, name) => Object.freeze(accountMount(inv, ns, name, true)));
const unreadableAccountMount = memoByInventoryAnd2((inv, ns, name) => Object.freeze(accountMount(inv, ns, name, false)));

/** Read-only: workloads of one service account share the account's answer. */
export function tokenMount(inv: Inventory, t: WorkloadTarget, saReadable: boolean): TokenMount {
  const podSetting = t.spec.automountServiceAccountToken;
  if (podSetting !== undefined)
    return { mounted: podSetting, source: fieldSource(t, 'automountServiceAccountToken'), actual: String(podSetting) };
  return (saReadable ? readableAccountMount : unreadableAccountMount)(inv, t.ref.namespace, serviceAccountName(t));
}

export interface SaGrant {
  binding: RoleBindingInfo;
  what: string[];
}

/**
 * Grants of `perms` that reach a service account through bindings to it or to its groups,
 * counting only cluster-wide or kube-system scope (where they amount to cluster takeover).
 */
export function powerfulGrants(inv: Inventory, ns: string, name: string, perms: Permission[]): SaGrant[] {
  const out: SaGrant[] = [];
  for (const b of bindingsForServiceAccount(inv, ns, name)) {
    if (b.kind === 'RoleBinding' && b.meta.namespace !== 'kube-system') continue;
    const role = roleOf(inv, b);
    if (!role) continue;
    const what = perms.filter((p) => !(p.clusterScoped && b.kind === 'RoleBinding') && roleGrants(role, p).some((h) => !h.resourceNames)).map((p) => p.label);
    if (what.length > 0) out.push({ binding: b, what });
  }
  return out;
}

/**
 * Bindings that give this account something of its own (not the built-in grants every account
 * has). Once per account and inventory; read-only.
 */
export const ownBindings = memoByInventoryAnd2((inv: Inventory, ns: string, name: string): readonly RoleBindingInfo[] =>
  Object.freeze(
    bindingsForServiceAccount(inv, ns, name).filter(
      (b) =>
        !isBuiltIn(b.meta) &&
        b.subjects.some(
          (s) =>
            (s.kind === 'ServiceAccount' && s.name === name && (s.namespace ?? b.meta.namespace) === ns) ||
            (s.kind === 'Group' && s.name === `system:serviceaccounts:${ns}`),
        ),
    ),
  ),
);
