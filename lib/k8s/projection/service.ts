/** Service projection: exposure (type, external IPs, load balancers, node ports). */
import type { V1Service } from '@kubernetes/client-node';
import type { ServiceInfo } from '../../model/inventory';
import { dropUndefined, list, projectMeta, stringMap } from './meta';

export function projectService(svc: V1Service): ServiceInfo {
  const spec = svc.spec;
  const out: ServiceInfo = {
    meta: projectMeta(svc.metadata),
    // The API defaults the type; fixtures may omit it.
    type: spec?.type ?? 'ClusterIP',
    externalIPs: [...list(spec?.externalIPs)],
    loadBalancerIngress: list(svc.status?.loadBalancer?.ingress).flatMap((i) => {
      const addr = i.ip || i.hostname;
      return addr ? [addr] : [];
    }),
    ports: list(spec?.ports).map((p) =>
      dropUndefined({
        port: p.port,
        nodePort: p.nodePort,
        protocol: p.protocol,
        targetPort: p.targetPort,
        name: p.name || undefined,
      }),
    ),
  };
  if (spec?.clusterIP) out.clusterIP = spec.clusterIP;
  if (spec?.selector) out.selector = stringMap(spec.selector);
  return out;
}
