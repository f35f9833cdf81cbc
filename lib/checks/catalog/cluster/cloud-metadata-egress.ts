import type { CheckResult } from '../../types';
import { defineCheck } from '../../types';
import type { NodeInfo } from '../../../model/inventory';
import { CLUSTER_ID } from '../../../model/ids';
import { preview, refLabel } from './_lib/format';
import { firstMissing, unknownResult } from './_lib/inputs';
import { namespaceIndex } from './_lib/namespaces';
import { coverageIndex, egressAllows } from './_lib/netpol';
import { catalogue, k8sDocs, kubescape } from './_lib/refs';
import { EXEMPT_SYSTEM_NAMESPACE, ev, result } from './_lib/result';
import { SYSTEM_NAMESPACES, isSystemNamespace, workloadIndex } from './_lib/workloads';

/** providerID schemes of clouds with an instance metadata service, and its address. */
const METADATA_IP: Record<string, string> = {
  aws: '169.254.169.254',
  gce: '169.254.169.254',
  azure: '169.254.169.254',
  digitalocean: '169.254.169.254',
  openstack: '169.254.169.254',
  hcloud: '169.254.169.254',
  linode: '169.254.169.254',
  oci: '169.254.169.254',
  ibm: '169.254.169.254',
  exoscale: '169.254.169.254',
  scaleway: '169.254.42.42',
  alicloud: '100.100.100.200',
};

function cloudOf(nodes: readonly NodeInfo[]): { scheme: string; ip: string; node: NodeInfo } | undefined {
  for (const node of nodes) {
    const scheme = node.providerID?.split('://')[0]?.toLowerCase();
    const ip = scheme ? METADATA_IP[scheme] : undefined;
    if (scheme && ip) return { scheme, ip, node };
  }
  return undefined;
}

/**
 * The metadata service hands out the node's cloud credentials to anything that can reach it.
 * We check whether egress policy blocks it for every workload of a namespace. Provider-side
 * mitigations (IMDSv2 hop limit, GKE metadata concealment / Workload Identity) are invisible to
 * the API and are named in the remediation.
 */
export default defineCheck({
  id: 'cloud-metadata-egress',
  title: 'Pods cannot reach the cloud metadata service',
  description:
    'On cloud nodes (providerID aws://, gce://, azure:// …): per namespace, fails when any workload may send traffic to the instance metadata address (169.254.169.254, or the provider\'s) because no egress policy selects it, an egress rule allows it, or it uses the host network. ' +
    'Not applicable when no node has a cloud providerID. System namespaces are exempt by default and reported as not-applicable.',
  component: 'namespace',
  area: 'network',
  severity: 'high',
  tier: 'api',
  references: [kubescape('C-0052'), k8sDocs('Restricting cloud metadata API access', 'https://kubernetes.io/docs/tasks/administer-cluster/securing-a-cluster/#restricting-cloud-metadata-api-access'), catalogue('NP-06')],
  remediation:
    'Add an egress policy that excludes the address, e.g. `egress: [{to: [{ipBlock: {cidr: 0.0.0.0/0, except: [169.254.169.254/32]}}]}]` with `podSelector: {}`; on AWS also require IMDSv2 with hop limit 1, on GKE enable Workload Identity.',
  defaultExemptNamespaces: [...SYSTEM_NAMESPACES],
  evaluate({ inv }) {
    const nodesMissing = firstMissing(inv, ['Node']);
    if (nodesMissing) return [unknownResult(CLUSTER_ID, nodesMissing, 'cloud nodes identified')];
    const cloud = cloudOf(inv.nodes);
    if (!cloud) {
      return [
        result(CLUSTER_ID, 'not-applicable', 'No node has a cloud providerID, so there is no cloud metadata service to protect.', [
          ev('a cloud providerID', preview([...new Set(inv.nodes.map((n) => n.providerID ?? 'unset'))], 3), 'Nodes · spec.providerID'),
        ]),
      ];
    }
    const missing = firstMissing(inv, ['NetworkPolicy', 'Pod']);
    if (missing) return [unknownResult(CLUSTER_ID, missing, `egress to ${cloud.ip} blocked`)];
    const expected = `egress to ${cloud.ip} blocked for every workload`;
    const cloudEv = ev('cloud nodes', `${cloud.scheme} (metadata at ${cloud.ip})`, `Node ${cloud.node.meta.name} · spec.providerID`);
    const coverage = coverageIndex(inv);
    const byNs = workloadIndex(inv).byNamespace;
    const out: CheckResult[] = [];
    for (const ns of namespaceIndex(inv).names) {
      const ref = { kind: 'Namespace', name: ns };
      const targets = byNs.get(ns) ?? [];
      const open = targets.filter((t) => {
        if (t.spec.hostNetwork) return true;
        const egress = coverage.get(t)?.egress ?? [];
        return egress.length === 0 || egress.some((p) => egressAllows(p, cloud.ip));
      });
      const evidence = [
        ev(expected, open.length ? `reachable from ${open.length} of ${targets.length}: ${preview(open.map((t) => refLabel(t.ref)), 3)}` : `blocked for all ${targets.length}`, `NetworkPolicies in ${ns} · spec.egress`),
        cloudEv,
      ];
      if (isSystemNamespace(ns)) out.push(result(CLUSTER_ID, 'not-applicable', EXEMPT_SYSTEM_NAMESPACE, evidence, ref));
      else if (targets.length === 0) out.push(result(CLUSTER_ID, 'not-applicable', `Namespace ${ns} runs no workloads.`, evidence, ref));
      else if (open.length > 0) out.push(result(CLUSTER_ID, 'fail', `In namespace ${ns}, ${open.length} workload(s) can reach the metadata service at ${cloud.ip}.`, evidence, ref));
      else out.push(result(CLUSTER_ID, 'pass', `Namespace ${ns} blocks egress to ${cloud.ip}.`, evidence, ref));
    }
    return out;
  },
});
