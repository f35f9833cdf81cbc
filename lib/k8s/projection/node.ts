/** Node projection: identity, runtime/kubelet versions, capacity and conditions. */
import type { V1Node } from '@kubernetes/client-node';
import type { NodeInfo } from '../../model/inventory';
import { dropUndefined, list, projectMeta, stringMap } from './meta';

export function projectNode(node: V1Node): NodeInfo {
  const spec = node.spec;
  const st = node.status;
  const ni = st?.nodeInfo;
  const out: NodeInfo = {
    meta: projectMeta(node.metadata),
    taints: list(spec?.taints).map((t) => dropUndefined({ key: t.key ?? '', value: t.value || undefined, effect: t.effect ?? '' })),
    addresses: list(st?.addresses).map((a) => ({ type: a.type ?? '', address: a.address ?? '' })),
    nodeInfo: dropUndefined({
      kubeletVersion: ni?.kubeletVersion || undefined,
      kubeProxyVersion: ni?.kubeProxyVersion || undefined,
      containerRuntimeVersion: ni?.containerRuntimeVersion || undefined,
      osImage: ni?.osImage || undefined,
      kernelVersion: ni?.kernelVersion || undefined,
      operatingSystem: ni?.operatingSystem || undefined,
      architecture: ni?.architecture || undefined,
    }),
    capacity: stringMap(st?.capacity),
    allocatable: stringMap(st?.allocatable),
    conditions: list(st?.conditions).map((c) =>
      dropUndefined({ type: c.type ?? '', status: c.status ?? '', reason: c.reason || undefined }),
    ),
  };
  if (spec?.providerID) out.providerID = spec.providerID;
  if (spec?.podCIDR) out.podCIDR = spec.podCIDR;
  if (spec?.unschedulable !== undefined) out.unschedulable = spec.unschedulable;
  const port = st?.daemonEndpoints?.kubeletEndpoint?.Port;
  if (typeof port === 'number' && port > 0) out.kubeletPort = port;
  return out;
}
