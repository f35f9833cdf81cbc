import type { CheckResult } from '../../types';
import { defineCheck } from '../../types';
import type { IngressInfo, ServiceInfo } from '../../../model/inventory';
import { CLUSTER_ID } from '../../../model/ids';
import { firstOfType } from './_lib/components';
import { preview } from './_lib/format';
import { missingInput } from './_lib/inputs';
import { catalogue, kubescape, polaris } from './_lib/refs';
import { ev, result } from './_lib/result';

/** Provider annotations that keep a LoadBalancer on the private network. */
const INTERNAL_LB: [string, RegExp][] = [
  ['service.beta.kubernetes.io/aws-load-balancer-internal', /^(true|0\.0\.0\.0\/0)$/i],
  ['service.beta.kubernetes.io/aws-load-balancer-scheme', /^internal$/i],
  ['networking.gke.io/load-balancer-type', /^internal$/i],
  ['cloud.google.com/load-balancer-type', /^internal$/i],
  ['service.beta.kubernetes.io/azure-load-balancer-internal', /^true$/i],
  ['service.beta.kubernetes.io/oci-load-balancer-internal', /^true$/i],
];

function internalAnnotation(s: ServiceInfo): string | undefined {
  return INTERNAL_LB.find(([k, re]) => re.test(s.meta.annotations[k] ?? ''))?.[0];
}

/** Hosts of the Ingress that no TLS entry covers (`*` for a rule without host). */
function hostsWithoutTls(i: IngressInfo): string[] {
  const covered = new Set(i.tlsHosts.flat());
  const hosts = i.hosts.length ? i.hosts : ['*'];
  return hosts.filter((h) => !covered.has(h));
}

/**
 * An exposure inventory more than a misconfiguration list: public Services warn (someone should
 * own each one), plain-HTTP Ingresses fail (credentials and cookies cross the network in clear).
 */
export default defineCheck({
  id: 'external-exposure',
  title: 'External exposure is intended and encrypted',
  description:
    'Lists what is reachable from outside the cluster: LoadBalancer Services without an internal-LB annotation and NodePort Services warn; Ingresses serving hosts without TLS fail; internal load balancers and fully TLS-covered Ingresses pass.',
  component: 'cluster',
  area: 'network',
  severity: 'medium',
  tier: 'api',
  references: [kubescape('C-0256'), kubescape('C-0263'), kubescape('C-0266'), polaris('tlsSettingsMissing'), catalogue('NP-07')],
  remediation:
    'Add TLS to each Ingress (`spec.tls: [{hosts: [app.example.com], secretName: app-tls}]`); keep internal Services on `type: ClusterIP` or an internal load balancer (e.g. `service.beta.kubernetes.io/aws-load-balancer-scheme: internal`) and restrict public ones with `spec.loadBalancerSourceRanges`.',
  evaluate({ inv, arch }) {
    const out: CheckResult[] = [];
    const svcMissing = missingInput(inv, 'Service');
    const ingMissing = missingInput(inv, 'Ingress');
    for (const reason of [svcMissing, ingMissing])
      if (reason) out.push(result(CLUSTER_ID, 'unknown', `Cannot evaluate: ${reason}`, [ev('Services and Ingresses readable', 'not readable', reason)]));
    for (const s of inv.services) {
      if (s.type !== 'LoadBalancer' && s.type !== 'NodePort') continue;
      const ns = s.meta.namespace ?? '';
      const ref = { kind: 'Service', namespace: ns, name: s.meta.name };
      const src = `Service ${ns}/${s.meta.name}`;
      const ports = preview(s.ports.map((p) => `${p.port}${p.nodePort ? `→${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`), 4);
      const internal = s.type === 'LoadBalancer' ? internalAnnotation(s) : undefined;
      if (internal) {
        out.push(result(CLUSTER_ID, 'pass', `Service ${ns}/${s.meta.name} uses an internal load balancer.`, [ev('internal or intended exposure', `internal (${internal})`, `${src} · metadata.annotations["${internal}"]`)], ref));
        continue;
      }
      const where = s.type === 'LoadBalancer' ? `load balancer ${preview(s.loadBalancerIngress, 2)}` : 'every node';
      out.push(
        result(CLUSTER_ID, 'warn', `Service ${ns}/${s.meta.name} (${s.type}) exposes ports ${ports} on ${where}.`, [ev('internal or intended exposure', `${s.type}, ports ${ports}`, `${src} · spec.type`)], ref),
      );
    }
    const ingressComponent = firstOfType(arch, 'ingress-controller')?.id ?? CLUSTER_ID;
    for (const i of inv.ingresses) {
      const ns = i.meta.namespace ?? '';
      const ref = { kind: 'Ingress', namespace: ns, name: i.meta.name };
      const plain = hostsWithoutTls(i);
      const evidence = [ev('TLS for every host', plain.length ? `no TLS for ${preview(plain, 4)}` : `TLS for ${preview(i.tlsHosts.flat(), 4)}`, `Ingress ${ns}/${i.meta.name} · spec.tls`)];
      if (plain.length) out.push(result(ingressComponent, 'fail', `Ingress ${ns}/${i.meta.name} serves ${preview(plain, 3)} over plain HTTP.`, evidence, ref));
      else out.push(result(ingressComponent, 'pass', `Ingress ${ns}/${i.meta.name} serves every host over TLS.`, evidence, ref));
    }
    if (!out.some((r) => r.status === 'warn' || r.status === 'fail' || r.status === 'unknown'))
      out.push(result(CLUSTER_ID, 'pass', 'No public NodePort/LoadBalancer Service and no plain-HTTP Ingress.', [ev('no unintended exposure', 'none found', 'Services · spec.type; Ingresses · spec.tls')]));
    return out;
  },
});
