/** NetworkPolicy projection. */
import type {
  V1NetworkPolicy,
  V1NetworkPolicyIngressRule,
  V1NetworkPolicyPeer,
  V1NetworkPolicyPort,
} from '@kubernetes/client-node';
import type { NetworkPolicyInfo, NetworkPolicyPeer } from '../../model/inventory';
import { dropUndefined, list, projectMeta } from './meta';
import { projectSelector } from './selector';

function peer(p: V1NetworkPolicyPeer): NetworkPolicyPeer {
  return dropUndefined<NetworkPolicyPeer>({
    podSelector: p.podSelector ? projectSelector(p.podSelector) : undefined,
    namespaceSelector: p.namespaceSelector ? projectSelector(p.namespaceSelector) : undefined,
    ipBlock: p.ipBlock ? dropUndefined({ cidr: p.ipBlock.cidr ?? '', except: p.ipBlock.except }) : undefined,
  });
}

function port(p: V1NetworkPolicyPort): { port?: string | number; protocol?: string } {
  return dropUndefined({ port: p.port, protocol: p.protocol });
}

/**
 * client-node renames the JSON field `from` to `_from` in its TS model (a reserved word in its
 * generator). Plain API JSON has `from`; objects deserialized by client-node have `_from`.
 */
function ingressFrom(r: V1NetworkPolicyIngressRule): V1NetworkPolicyPeer[] | undefined {
  return r._from ?? (r as { from?: V1NetworkPolicyPeer[] }).from;
}

export function projectNetworkPolicy(np: V1NetworkPolicy): NetworkPolicyInfo {
  const spec = np.spec;
  const ingress = list(spec?.ingress).map((r) => ({ from: list(ingressFrom(r)).map(peer), ports: list(r.ports).map(port) }));
  const egress = list(spec?.egress).map((r) => ({ to: list(r.to).map(peer), ports: list(r.ports).map(port) }));
  // API defaulting when policyTypes is omitted: Ingress always, Egress iff egress rules exist.
  const policyTypes = spec?.policyTypes?.length
    ? [...spec.policyTypes]
    : ['Ingress', ...(egress.length > 0 ? ['Egress'] : [])];
  return { meta: projectMeta(np.metadata), podSelector: projectSelector(spec?.podSelector), policyTypes, ingress, egress };
}
