/**
 * RBAC evaluation, mirroring the authorizer's own matching (k8s.io/component-helpers/auth/rbac):
 * `*` matches any verb/group/resource, and a `*` resource with a `/scale` suffix matches the `scale`
 * subresource of any resource.
 * A rule with resourceNames only covers the named objects, so such grants are reported apart.
 */
import type { Inventory, PolicyRule, RoleBindingInfo, RoleInfo, Subject } from '../../../../model/inventory';
import { memoByInventory, pushTo } from './memo';

export interface Target {
  /** API group; '' is the core group. */
  group: string;
  /** Resource, with `/subresource` where relevant: `pods/exec`. */
  resource: string;
}

export interface Permission {
  /** Short human phrase: `read secrets`. */
  label: string;
  verbs: string[];
  targets: Target[];
  /** Cluster-scoped resources (nodes, PVs, webhooks): a RoleBinding can never grant them. */
  clusterScoped?: boolean;
}

export interface RuleHit {
  ruleIndex: number;
  verbs: string[];
  resources: string[];
  resourceNames?: string[];
}

function resourceMatches(ruleResources: readonly string[], requested: string): boolean {
  const slash = requested.indexOf('/');
  const sub = slash >= 0 ? requested.slice(slash + 1) : '';
  for (const r of ruleResources) {
    if (r === '*' || r === requested) return true;
    if (sub && r === `*/${sub}`) return true;
  }
  return false;
}

/** The verbs and resources of `perm` that `rule` grants, or undefined. */
export function ruleGrants(rule: PolicyRule, perm: Permission, ruleIndex: number): RuleHit | undefined {
  if (rule.resources.length === 0) return undefined; // nonResourceURLs-only rule
  const verbs = rule.verbs.includes('*') ? perm.verbs : perm.verbs.filter((v) => rule.verbs.includes(v));
  if (verbs.length === 0) return undefined;
  const resources: string[] = [];
  for (const t of perm.targets) {
    const groupOk = rule.apiGroups.includes('*') || rule.apiGroups.includes(t.group);
    if (groupOk && resourceMatches(rule.resources, t.resource)) resources.push(t.resource);
  }
  if (resources.length === 0) return undefined;
  const names = rule.resourceNames && rule.resourceNames.length > 0 ? rule.resourceNames : undefined;
  return names ? { ruleIndex, verbs, resources, resourceNames: names } : { ruleIndex, verbs, resources };
}

export function roleGrants(role: RoleInfo, perm: Permission): RuleHit[] {
  const hits: RuleHit[] = [];
  role.rules.forEach((rule, i) => {
    const hit = ruleGrants(rule, perm, i);
    if (hit) hits.push(hit);
  });
  return hits;
}

export const subjectKey = (s: Subject, bindingNs?: string): string =>
  s.kind === 'ServiceAccount' ? `ServiceAccount:${s.namespace ?? bindingNs ?? ''}/${s.name}` : `${s.kind}:${s.name}`;

export function subjectLabel(s: Subject, bindingNs?: string): string {
  return s.kind === 'ServiceAccount' ? `ServiceAccount ${s.namespace ?? bindingNs ?? ''}/${s.name}` : `${s.kind} ${s.name}`;
}

export interface RbacIndex {
  roles: Map<string, RoleInfo>;
  /** Bindings by subject key (`User:alice`, `Group:system:authenticated`, `ServiceAccount:ns/name`). */
  bindingsBySubject: Map<string, RoleBindingInfo[]>;
  /** How many bindings reference each role key: unbound roles grant nothing. */
  roleUse: Map<string, number>;
}

const roleKey = (kind: string, ns: string | undefined, name: string): string =>
  kind === 'ClusterRole' ? `ClusterRole/${name}` : `Role/${ns ?? ''}/${name}`;

export function roleKeyOf(r: RoleInfo): string {
  return roleKey(r.kind, r.meta.namespace, r.meta.name);
}

export function bindingRoleKey(b: RoleBindingInfo): string {
  return roleKey(b.roleRef.kind, b.meta.namespace, b.roleRef.name);
}

export const rbacIndex = memoByInventory((inv: Inventory): RbacIndex => {
  const roles = new Map<string, RoleInfo>();
  for (const r of inv.roles) roles.set(roleKeyOf(r), r);
  const bindingsBySubject = new Map<string, RoleBindingInfo[]>();
  const roleUse = new Map<string, number>();
  for (const b of inv.roleBindings) {
    const rk = bindingRoleKey(b);
    roleUse.set(rk, (roleUse.get(rk) ?? 0) + 1);
    for (const s of b.subjects) pushTo(bindingsBySubject, subjectKey(s, b.meta.namespace), b);
  }
  return { roles, bindingsBySubject, roleUse };
});

export function roleOf(inv: Inventory, b: RoleBindingInfo): RoleInfo | undefined {
  return rbacIndex(inv).roles.get(bindingRoleKey(b));
}

/** Every binding that applies to a service account: its own, its namespace's and all SAs' groups. */
export function bindingsForServiceAccount(inv: Inventory, ns: string, name: string): RoleBindingInfo[] {
  const idx = rbacIndex(inv).bindingsBySubject;
  const keys = [
    `ServiceAccount:${ns}/${name}`,
    'Group:system:serviceaccounts',
    `Group:system:serviceaccounts:${ns}`,
    'Group:system:authenticated',
  ];
  const seen = new Set<RoleBindingInfo>();
  for (const k of keys) for (const b of idx.get(k) ?? []) seen.add(b);
  return [...seen];
}

/**
 * Built-in RBAC objects: the API server's bootstrap policy (`system:` prefix, or the
 * `kubernetes.io/bootstrapping=rbac-defaults` label it stamps on `cluster-admin`, `admin`, `edit`,
 * `view`). "Who holds X" checks exempt them by default and say so in each result.
 */
export const SYSTEM_RBAC_PREFIX = 'system:';
export const BOOTSTRAP_LABEL = 'kubernetes.io/bootstrapping';

export function isBuiltIn(meta: { name: string; labels: Record<string, string> }): boolean {
  return meta.name.startsWith(SYSTEM_RBAC_PREFIX) || meta.labels[BOOTSTRAP_LABEL] === 'rbac-defaults';
}

export const RBAC_KINDS = ['ClusterRoleBinding', 'RoleBinding', 'ClusterRole', 'Role'] as const;
