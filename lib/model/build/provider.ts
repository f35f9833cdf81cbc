/**
 * Which managed offering runs a control plane we cannot see. Strongest evidence first:
 * provider-specific node labels, then version suffixes, then the nodes' `spec.providerID`.
 * A providerID alone is weaker (self-managed clusters on EC2 have `aws://` too), so it only
 * counts once we already know no control-plane pod is visible.
 */
import type { ManagedProvider } from '../architecture';
import type { Inventory, NodeInfo } from '../inventory';

export interface ProviderGuess {
  provider: ManagedProvider;
  evidence: string;
}

const LABELS: readonly [string, ManagedProvider][] = [
  ['eks.amazonaws.com/nodegroup', 'EKS'],
  ['eks.amazonaws.com/compute-type', 'EKS'],
  ['alpha.eksctl.io/nodegroup-name', 'EKS'],
  ['cloud.google.com/gke-nodepool', 'GKE'],
  ['cloud.google.com/gke-os-distribution', 'GKE'],
  ['kubernetes.azure.com/agentpool', 'AKS'],
  ['kubernetes.azure.com/cluster', 'AKS'],
];

const VERSION_SUFFIXES: readonly [RegExp, ManagedProvider][] = [
  [/-eks-/, 'EKS'],
  [/-gke\./, 'GKE'],
];

const PROVIDER_IDS: readonly [string, ManagedProvider][] = [
  ['aws://', 'EKS'],
  ['gce://', 'GKE'],
  ['azure://', 'AKS'],
];

/** `nodes` must be sorted by name, so the evidence quoted is stable. */
export function detectProvider(inv: Inventory, nodes: readonly NodeInfo[]): ProviderGuess {
  for (const [label, provider] of LABELS) {
    const node = nodes.find((n) => label in n.meta.labels);
    if (node) return { provider, evidence: `Node ${node.meta.name} has label ${label}` };
  }
  const versions: [string, string][] = [];
  if (inv.version?.gitVersion) versions.push(['/version gitVersion', inv.version.gitVersion]);
  for (const n of nodes) {
    if (n.nodeInfo.kubeletVersion) versions.push([`Node ${n.meta.name} kubeletVersion`, n.nodeInfo.kubeletVersion]);
  }
  for (const [re, provider] of VERSION_SUFFIXES) {
    const hit = versions.find(([, v]) => re.test(v));
    if (hit) return { provider, evidence: `${hit[0]} ${hit[1]}` };
  }
  for (const [prefix, provider] of PROVIDER_IDS) {
    const node = nodes.find((n) => n.providerID?.startsWith(prefix));
    if (node) return { provider, evidence: `Node ${node.meta.name} spec.providerID ${node.providerID ?? ''}` };
  }
  return { provider: 'unknown', evidence: 'no provider-specific node label, version suffix or providerID' };
}

/** Why no control-plane pod is visible, if the inventory says (e.g. pods in kube-system were forbidden). */
export function podVisibilityNote(inv: Inventory): string | undefined {
  const issue = inv.issues.find((i) => i.kind === 'Pod' && (i.namespace === undefined || i.namespace === 'kube-system'));
  return issue ? `pods${issue.namespace ? ` in ${issue.namespace}` : ''} could not be listed (${issue.reason})` : undefined;
}
