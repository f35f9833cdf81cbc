import { nodeSubId } from '../../../model/ids';
import type { CsrInfo } from '../../../model/inventory';
import { daysBetween, evidence, forEachNode, missingInput } from '../../helpers';
import { catalogue, cis } from '../../refs';
import { defineCheck, type Evidence } from '../../types';

const KUBELET_SIGNERS: ReadonlySet<string> = new Set(['kubernetes.io/kube-apiserver-client-kubelet', 'kubernetes.io/kubelet-serving']);
/** A kubelet CSR pending longer than this is stuck: approvers normally act within seconds. */
const STUCK_HOURS = 1;

function nodeOf(csr: CsrInfo): string | undefined {
  const who = csr.username ?? '';
  if (who.startsWith('system:node:')) return who.slice('system:node:'.length);
  const cn = csr.requestedCommonName ?? '';
  return cn.startsWith('system:node:') ? cn.slice('system:node:'.length) : undefined;
}

function state(csr: CsrInfo): 'approved' | 'denied' | 'failed' | 'pending' {
  const types = csr.conditions.filter((c) => c.status === undefined || c.status === 'True').map((c) => c.type);
  if (types.includes('Denied')) return 'denied';
  if (types.includes('Failed')) return 'failed';
  if (types.includes('Approved')) return 'approved';
  return 'pending';
}

export default defineCheck({
  id: 'kubelet-csr-health',
  title: 'Kubelet certificate requests are not stuck',
  description:
    'Kubelets renew their client and serving certificates through CertificateSigningRequests. A request pending for over an hour means rotation is broken and the node will lose access when its current certificate expires; a denied one means someone refused it.',
  component: 'kubelet',
  area: 'credentials',
  severity: 'medium',
  tier: 'api',
  references: [cis('4.2.10'), cis('1.3.6'), catalogue('CE-03')],
  remediation:
    'Inspect the requests with `kubectl get csr`, approve legitimate ones with `kubectl certificate approve <name>`, and fix the approver (kube-controller-manager csrapproving, or kubelet-csr-approver for serving certificates) so it approves them automatically.',
  evaluate(ctx) {
    const { inv } = ctx;
    const unreadable = missingInput(inv, 'CertificateSigningRequest');
    const byNode = new Map<string, CsrInfo[]>();
    for (const csr of inv.csrs) {
      const node = nodeOf(csr);
      if (!node || !KUBELET_SIGNERS.has(csr.signerName)) continue;
      const list = byNode.get(node);
      if (list) list.push(csr);
      else byNode.set(node, [csr]);
    }
    return forEachNode(
      ctx,
      (n) => {
        if (unreadable) return { status: 'unknown', message: `Cannot evaluate: ${unreadable}.`, evidence: [] };
        const csrs = byNode.get(n.meta.name) ?? [];
        const stuck = csrs.filter((c) => state(c) === 'pending' && c.meta.creationTimestamp && daysBetween(c.meta.creationTimestamp, inv.collectedAt) * 24 > STUCK_HOURS);
        const refused = csrs.filter((c) => state(c) === 'denied' || state(c) === 'failed');
        const ev: Evidence[] = [...stuck, ...refused].map((c) =>
          evidence('approved and issued', `${state(c)} since ${c.meta.creationTimestamp ?? '?'}`, `CertificateSigningRequest ${c.meta.name} · ${c.signerName}`),
        );
        if (stuck.length > 0) return { status: 'fail', message: `${stuck.length} certificate request(s) of this kubelet have been pending for over ${STUCK_HOURS}h.`, evidence: ev };
        if (refused.length > 0) return { status: 'warn', message: `${refused.length} certificate request(s) of this kubelet were denied or failed.`, evidence: ev };
        return { status: 'pass', message: 'No kubelet certificate request is stuck.', evidence: [evidence('no stuck requests', `${csrs.length} request(s), none stuck`, 'CertificateSigningRequests')] };
      },
      (name) => nodeSubId(name, 'kubelet'),
    );
  },
});
