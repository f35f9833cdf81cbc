/**
 * "Who holds permission X": the engine behind most RBAC checks. One result per binding that
 * grants X (the binding is the object to change), plus one `pass` when nobody outside the
 * built-in policy holds it. Role-level matches are cached, because thousands of RoleBindings
 * typically point at the same few ClusterRoles (`edit`, `admin`).
 */
import type { ObjectRef } from '../../../../model/architecture';
import type { RoleBindingInfo, RoleInfo } from '../../../../model/inventory';
import type { CheckContext, CheckResult, Evidence } from '../../../types';
import { apiserverComponentId } from './components';
import { preview, refLabel } from './format';
import { firstMissing, unknownResult } from './inputs';
import { type Permission, type RuleHit, RBAC_KINDS, bindingRoleKey, isBuiltIn, roleGrants, roleOf, subjectLabel } from './rbac';
import { ev, result } from './result';

export const EXEMPT_BUILT_IN = 'exempt by default: built-in RBAC policy (system: prefix or kubernetes.io/bootstrapping label)';

export interface HoldersOptions {
  perms: Permission[];
  /** The expected state, shown in evidence: `no one outside the built-in policy reads Secrets`. */
  expected: string;
  passMessage: string;
  /** Status of a grant confined to one namespace other than kube-system. Default `fail`. */
  namespacedStatus?: 'fail' | 'warn';
  /** Look at built-in bindings too (rbac-authenticated-grants: a grant to everyone is wrong whoever made it). */
  includeBuiltIn?: boolean;
  /** Further visible default exemptions; return the message to show, or undefined. */
  exempt?(b: RoleBindingInfo, role: RoleInfo): string | undefined;
  /** Restrict to some bindings (e.g. those naming a given subject). */
  filter?(b: RoleBindingInfo): boolean;
  /** Object names that matter: a grant limited to resourceNames counts in full when it names one. */
  criticalNames?: string[];
}

interface PermHits {
  perm: Permission;
  hits: RuleHit[];
}

export function bindingRef(b: RoleBindingInfo): ObjectRef {
  return b.meta.namespace
    ? { kind: b.kind, namespace: b.meta.namespace, name: b.meta.name }
    : { kind: b.kind, name: b.meta.name };
}

export function roleLabelOf(role: RoleInfo): string {
  return refLabel(role.meta.namespace ? { kind: role.kind, namespace: role.meta.namespace, name: role.meta.name } : { kind: role.kind, name: role.meta.name });
}

export function describeHit(h: RuleHit): string {
  const names = h.resourceNames ? ` (only ${preview(h.resourceNames, 3)})` : '';
  return `verbs [${h.verbs.join(', ')}] on [${h.resources.join(', ')}]${names}`;
}

export function scopeOf(b: RoleBindingInfo): string {
  return b.kind === 'ClusterRoleBinding' ? 'cluster-wide' : `in namespace ${b.meta.namespace ?? ''}`;
}

/** Matches of `perms` in the binding's role; cached per role key by the caller. */
function grantsOf(
  b: RoleBindingInfo,
  role: RoleInfo,
  perms: Permission[],
  cache: Map<string, PermHits[]>,
): PermHits[] {
  const key = `${b.kind}|${bindingRoleKey(b)}`;
  let found = cache.get(key);
  if (!found) {
    found = [];
    for (const perm of perms) {
      // A RoleBinding cannot grant cluster-scoped resources, even when it references a ClusterRole.
      if (perm.clusterScoped && b.kind === 'RoleBinding') continue;
      const hits = roleGrants(role, perm);
      if (hits.length > 0) found.push({ perm, hits });
    }
    cache.set(key, found);
  }
  return found;
}

export function subjectsEvidence(b: RoleBindingInfo): Evidence {
  const subjects = b.subjects.map((s) => subjectLabel(s, b.meta.namespace));
  return ev('only intended subjects', preview(subjects, 8), `${refLabel(bindingRef(b))} · subjects`);
}

export function whoHolds(ctx: CheckContext, opts: HoldersOptions): CheckResult[] {
  const { inv, arch } = ctx;
  const componentId = apiserverComponentId(arch);
  const missing = firstMissing(inv, RBAC_KINDS);
  if (missing) return [unknownResult(componentId, missing, opts.expected)];

  const out: CheckResult[] = [];
  const cache = new Map<string, PermHits[]>();
  let bad = 0;
  for (const b of inv.roleBindings) {
    if (b.subjects.length === 0 || (opts.filter && !opts.filter(b))) continue;
    const role = roleOf(inv, b);
    if (!role) continue; // dangling roleRef: grants nothing until the role exists
    const found = grantsOf(b, role, opts.perms, cache);
    if (found.length === 0) continue;

    const roleLabel = roleLabelOf(role);
    const evidence: Evidence[] = found.flatMap(({ hits }) =>
      hits.map((h) => ev(opts.expected, describeHit(h), `${roleLabel} · rules[${h.ruleIndex}]`)),
    );
    evidence.push(subjectsEvidence(b));
    const ref = bindingRef(b);
    const what = found.map((f) => f.perm.label).join(' and ');
    const who = preview(b.subjects.map((s) => subjectLabel(s, b.meta.namespace)), 3);

    const exemption = opts.exempt?.(b, role) ?? (!opts.includeBuiltIn && isBuiltIn(b.meta) ? EXEMPT_BUILT_IN : undefined);
    if (exemption) {
      out.push(result(componentId, 'not-applicable', exemption, evidence, ref));
      continue;
    }
    const critical = opts.criticalNames ?? [];
    const onlyNamed = found.every((f) => f.hits.every((h) => h.resourceNames && !h.resourceNames.some((n) => critical.includes(n))));
    const status = onlyNamed
      ? 'warn'
      : b.kind === 'ClusterRoleBinding' || b.meta.namespace === 'kube-system'
        ? 'fail'
        : (opts.namespacedStatus ?? 'fail');
    bad++;
    out.push(
      result(
        componentId,
        status,
        `${refLabel(ref)} lets ${who} ${what} ${scopeOf(b)} through ${roleLabel}${onlyNamed ? ' (limited to named objects)' : ''}.`,
        evidence,
        ref,
      ),
    );
  }
  if (bad === 0) {
    out.push(
      result(componentId, 'pass', opts.passMessage, [
        ev(opts.expected, 'no such grant outside the exempt built-in policy', 'RoleBindings and ClusterRoleBindings'),
      ]),
    );
  }
  return out;
}
