/**
 * NetworkPolicy coverage. Policies are additive allow-lists: a pod is isolated for a direction
 * once any policy selecting it lists that direction in policyTypes. Coverage is computed per
 * workload target against the policies of its own namespace only (policies never select pods in
 * other namespaces), and identical label sets are evaluated once, so the cost is
 * Σ(namespace targets × namespace policies), not pods × policies.
 */
import type { Inventory, NetworkPolicyInfo } from '../../../../model/inventory';
import { memoByInventory } from './memo';
import { namespaceIndex } from './namespaces';
import { selectorMatches } from './selectors';
import { type WorkloadTarget, workloadIndex } from './workloads';

export interface Coverage {
  ingress: NetworkPolicyInfo[];
  egress: NetworkPolicyInfo[];
}

export function appliesTo(p: NetworkPolicyInfo, direction: 'Ingress' | 'Egress'): boolean {
  return p.policyTypes.includes(direction);
}

export interface LabelSet {
  labels: Record<string, string>;
  /** The workloads carrying exactly these pod labels. */
  targets: WorkloadTarget[];
}

/**
 * Pod label sets per namespace, in order of first use: selectors are evaluated once per set, not
 * per workload. Sets are label maps by identity: a scan's projection shares equal label maps (one
 * object for all replicas and their template), so no key has to be built per workload; equal
 * maps that are separate objects are merely evaluated twice, with the same outcome.
 */
export const labelSets = memoByInventory((inv: Inventory): Map<string, LabelSet[]> => {
  const out = new Map<string, LabelSet[]>();
  for (const [ns, targets] of workloadIndex(inv).byNamespace) {
    const byLabels = new Map<Record<string, string>, LabelSet>();
    const sets: LabelSet[] = [];
    for (const t of targets) {
      const set = byLabels.get(t.labels);
      if (set) set.targets.push(t);
      else {
        const created = { labels: t.labels, targets: [t] };
        byLabels.set(t.labels, created);
        sets.push(created);
      }
    }
    out.set(ns, sets);
  }
  return out;
});

export const coverageIndex = memoByInventory((inv: Inventory): Map<WorkloadTarget, Coverage> => {
  const out = new Map<WorkloadTarget, Coverage>();
  const policies = namespaceIndex(inv).policies;
  for (const [ns, sets] of labelSets(inv)) {
    const nsPolicies = policies.get(ns) ?? [];
    // Label sets selected by the same policies share one Coverage (namespace-wide policies select
    // every set), so what is derived from a Coverage can be computed once per distinct one.
    // Keyed by which policies select: a bit mask while there are few (no string per label set).
    const shared = new Map<number | string, Coverage>();
    const masks = nsPolicies.length <= 30;
    for (const set of sets) {
      let key: number | string = masks ? 0 : '';
      let selecting: NetworkPolicyInfo[] | undefined;
      for (let i = 0; i < nsPolicies.length; i++) {
        const p = nsPolicies[i] as NetworkPolicyInfo;
        if (!selectorMatches(p.podSelector, set.labels)) continue;
        (selecting ??= []).push(p);
        key = masks ? (key as number) | (1 << i) : `${key}${i},`;
      }
      let cov = shared.get(key);
      if (!cov) {
        const all = selecting ?? [];
        cov = { ingress: all.filter((p) => appliesTo(p, 'Ingress')), egress: all.filter((p) => appliesTo(p, 'Egress')) };
        shared.set(key, cov);
      }
      for (let i = 0; i < set.targets.length; i++) out.set(set.targets[i] as WorkloadTarget, cov);
    }
  }
  return out;
});

// ---------------------------------------------------------------------------------------------
// IPv4 CIDR arithmetic, enough to ask "does this egress rule allow 169.254.169.254?"

export function ipv4ToInt(ip: string): number | undefined {
  const parts = ip.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const p of parts) {
    const v = Number(p);
    if (!/^\d{1,3}$/.test(p) || v > 255) return undefined;
    n = n * 256 + v;
  }
  return n;
}

export function cidrContains(cidr: string, ip: string): boolean {
  const [base, bitsText] = cidr.split('/');
  const b = ipv4ToInt(base ?? '');
  const i = ipv4ToInt(ip);
  if (b === undefined || i === undefined) return false; // IPv6 blocks never hold an IPv4 address
  const bits = bitsText === undefined ? 32 : Number(bitsText);
  if (!(bits >= 0 && bits <= 32)) return false;
  const size = 2 ** (32 - bits);
  return Math.floor(b / size) === Math.floor(i / size);
}

/**
 * Does one egress policy let its pods reach `ip` on TCP `port`? A rule with no `to` allows every
 * destination; an ipBlock allows its CIDR minus `except`; pod/namespace selectors only match pod
 * IPs, never a link-local metadata address. A rule with ports allows only those ports (endPort
 * ranges are not in the inventory, so a range starting elsewhere is read as not covering it).
 */
export function egressAllows(p: NetworkPolicyInfo, ip: string, port = 80): boolean {
  return p.egress.some((rule) => {
    const portOk =
      rule.ports.length === 0 ||
      rule.ports.some((rp) => (rp.port === undefined || Number(rp.port) === port) && (rp.protocol === undefined || rp.protocol === 'TCP'));
    if (!portOk) return false;
    return (
      rule.to.length === 0 ||
      rule.to.some(
        (peer) => peer.ipBlock !== undefined && cidrContains(peer.ipBlock.cidr, ip) && !(peer.ipBlock.except ?? []).some((e) => cidrContains(e, ip)),
      )
    );
  });
}
