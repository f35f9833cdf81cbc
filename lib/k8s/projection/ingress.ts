/** Ingress projection (networking.k8s.io/v1): hosts, TLS hosts, load balancer addresses. */
import type { V1Ingress } from '@kubernetes/client-node';
import type { IngressInfo } from '../../model/inventory';
import { list, projectMeta } from './meta';

export function projectIngress(ing: V1Ingress): IngressInfo {
  const spec = ing.spec;
  const out: IngressInfo = {
    meta: projectMeta(ing.metadata),
    tlsHosts: list(spec?.tls).map((t) => [...list(t.hosts)]),
    hosts: list(spec?.rules).flatMap((r) => (r.host ? [r.host] : [])),
    loadBalancerIngress: list(ing.status?.loadBalancer?.ingress).flatMap((i) => {
      const addr = i.ip || i.hostname;
      return addr ? [addr] : [];
    }),
  };
  // The deprecated annotation still selects the class on many clusters.
  const cls = spec?.ingressClassName ?? out.meta.annotations['kubernetes.io/ingress.class'];
  if (cls) out.ingressClassName = cls;
  return out;
}
