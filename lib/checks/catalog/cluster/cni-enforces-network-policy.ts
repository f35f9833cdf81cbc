import type { CheckResult } from '../../types';
import { defineCheck } from '../../types';
import { CLUSTER_ID } from '../../../model/ids';
import { allArgs, findAddons, images, named } from './_lib/addons';
import { addonComponentId, firstOfType } from './_lib/components';
import { preview } from './_lib/format';
import { catalogue, cis, kubescape, nsa } from './_lib/refs';
import { ev, result } from './_lib/result';
import type { WorkloadTarget } from './_lib/workloads';

type Enforcement = 'enforces' | 'no' | 'maybe';

interface Cni {
  name: string;
  pattern: RegExp;
  enforcement(t: WorkloadTarget): Enforcement;
}

/**
 * Which network plugins enforce NetworkPolicy. The API cannot see the CNI config files, so this
 * is a heuristic over the add-on workloads; order matters (canal before flannel, since canal
 * ships a flannel container).
 */
const CNIS: Cni[] = [
  { name: 'Calico', pattern: /calico-node|calico\/node|^canal$|tigera/, enforcement: () => 'enforces' },
  { name: 'Cilium', pattern: /^cilium$|cilium\/cilium:|^anetd$/, enforcement: () => 'enforces' },
  { name: 'Antrea', pattern: /antrea-agent|antrea\/antrea/, enforcement: () => 'enforces' },
  { name: 'kube-router', pattern: /kube-router/, enforcement: (t) => (allArgs(t).some((a) => /--run-firewall=false/.test(a.arg)) ? 'no' : 'enforces') },
  { name: 'Weave Net', pattern: /weave-net|weaveworks\/weave-npc/, enforcement: () => 'enforces' },
  { name: 'Kube-OVN', pattern: /kube-ovn-cni|ovnkube-node/, enforcement: () => 'enforces' },
  { name: 'Azure NPM', pattern: /azure-npm/, enforcement: () => 'enforces' },
  { name: 'kube-network-policies', pattern: /kube-network-policies/, enforcement: () => 'enforces' },
  {
    name: 'Amazon VPC CNI',
    pattern: /^aws-node$|amazon-k8s-cni/,
    // The policy agent ships in aws-node since VPC CNI 1.14 but is off unless enabled.
    enforcement: (t) => (allArgs(t).some((a) => /--enable-network-policy=true/.test(a.arg)) ? 'enforces' : 'no'),
  },
  { name: 'kindnet', pattern: /kindnet/, enforcement: () => 'maybe' },
  { name: 'Flannel', pattern: /flannel/, enforcement: () => 'no' },
];

/** Every pattern at once: one test per workload name and image instead of one per plugin. */
const ANY_CNI = new RegExp(CNIS.map((c) => `(?:${c.pattern.source})`).join('|'));

const EXPECTED = 'a network plugin that enforces NetworkPolicy';

export default defineCheck({
  id: 'cni-enforces-network-policy',
  title: 'The network plugin enforces NetworkPolicy',
  description:
    'Recognises the CNI from its add-on workloads: Calico/Canal, Cilium, Antrea, kube-router, Weave Net, Kube-OVN, Azure NPM, kube-network-policies and the VPC CNI with its policy agent enabled enforce NetworkPolicy (pass); Flannel alone or the VPC CNI without the agent do not (fail); kindnet only in recent releases (warn). ' +
    'k3s nodes (embedded policy controller) pass. When no known plugin is visible the result is unknown.',
  component: 'cni',
  area: 'network',
  severity: 'medium',
  tier: 'api',
  references: [cis('5.3.1'), kubescape('C-0205'), nsa('Kubernetes Hardening Guide: network separation'), catalogue('NP-01')],
  remediation:
    'Run a plugin that enforces policies, e.g. install Calico or Cilium, or add Calico in policy-only mode next to Flannel (Canal); on EKS set `enableNetworkPolicy: "true"` in the VPC CNI add-on configuration.',
  evaluate({ inv, arch }) {
    const componentFor = (t: WorkloadTarget | undefined): string => (t ? addonComponentId(arch, 'cni', t.ref.name, t.ref) : (firstOfType(arch, 'cni')?.id ?? CLUSTER_ID));
    const out: CheckResult[] = [];
    const found: { cni: Cni; t: WorkloadTarget; e: Enforcement }[] = [];
    for (const t of findAddons(inv, (t) => named(t, ANY_CNI))) {
      const cni = CNIS.find((c) => named(t, c.pattern));
      if (cni) found.push({ cni, t, e: cni.enforcement(t) });
    }
    const k3s = inv.nodes.find((n) => /\+k3s/.test(n.nodeInfo.kubeletVersion ?? ''));
    const evidence = found.map(({ cni, t, e }) =>
      ev(EXPECTED, `${cni.name} (${e === 'enforces' ? 'enforces policies' : e === 'no' ? 'does not enforce' : 'enforcement depends on version'}; ${preview(images(t), 2)})`, `${t.label} · ${t.specPath}.containers[*].image`),
    );
    if (k3s) evidence.push(ev(EXPECTED, `k3s ${k3s.nodeInfo.kubeletVersion ?? ''} (embedded network policy controller)`, `Node ${k3s.meta.name} · status.nodeInfo.kubeletVersion`));
    const enforcing = found.find((f) => f.e === 'enforces');
    if (enforcing || k3s) {
      out.push(result(componentFor(enforcing?.t), 'pass', `${enforcing ? enforcing.cni.name : 'k3s'} enforces NetworkPolicy.`, evidence));
    } else if (found.some((f) => f.e === 'maybe')) {
      const f = found.find((x) => x.e === 'maybe');
      out.push(result(componentFor(f?.t), 'warn', `${f?.cni.name ?? 'The plugin'} enforces NetworkPolicy only in recent releases; verify that policies take effect.`, evidence));
    } else if (found.length > 0) {
      const names = [...new Set(found.map((f) => f.cni.name))];
      out.push(result(componentFor(found[0]?.t), 'fail', `${preview(names)} does not enforce NetworkPolicy: policies are accepted but ignored.`, evidence));
    } else {
      out.push(
        result(CLUSTER_ID, 'unknown', 'No known network plugin was found among the workloads; it may run on the hosts or be managed by the provider.', [
          ev(EXPECTED, 'not recognised', 'DaemonSets and Deployments · name and image'),
        ]),
      );
    }
    return out;
  },
});
