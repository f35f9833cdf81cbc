import { type Evidence, defineCheck } from '../../types';
import { catalogue, cis, kubescape, trivy } from './_lib/refs';
import { ev } from './_lib/result';
import { type Verdict, evaluateWorkloads } from './_lib/workload-check';
import { readsOwnObject } from './_lib/workloads';

/**
 * Names of components that legitimately live in kube-system (control plane, CNI, DNS, CSI, cloud
 * agents, distribution add-ons). Anything else there gets a warning: kube-system is the most
 * privileged namespace, and its service accounts and Secrets are the crown jewels.
 */
export const KUBE_SYSTEM_COMPONENTS =
  /^(coredns|kube-dns|kube-proxy|metrics-server|calico|cilium|canal|kube-flannel|flannel|weave|antrea|kube-router|kube-ovn|ovnkube|kindnet|aws-node|amazon|eks-|ebs-csi|efs-csi|fsx-csi|azure|ama-|cloud-node-manager|csi-|konnectivity|etcd|kube-apiserver|kube-controller-manager|kube-scheduler|cloud-controller-manager|cluster-autoscaler|local-path-provisioner|snapshot-controller|gke-|fluentbit-gke|pdcsi|event-exporter|vpa-|node-local-dns|nodelocaldns|dns-autoscaler|coredns-autoscaler|ip-masq-agent|nvidia-device-plugin|kube-vip|hubble|traefik|svclb-|helm-install|metallb|netd|anetd|tigera)/;

/**
 * The pass of a workload in namespace `ns` whose finding names its own object: one per namespace,
 * shared by its workloads (evidence source `metadata.namespace` of that object).
 */
const passes = new Map<string, Verdict>();
function passIn(ns: string): Verdict {
  let v = passes.get(ns);
  if (v === undefined) {
    v = Object.freeze({ status: 'pass', message: `Runs in namespace ${ns}.`, evidence: Object.freeze([Object.freeze(ev('a dedicated namespace', ns, 'metadata.namespace'))]) as Evidence[] });
    if (passes.size < 10_000) passes.set(ns, v);
  }
  return v;
}

export default defineCheck({
  id: 'workload-namespace-placement',
  title: 'Applications do not run in default or kube-system',
  description:
    'Fails for workloads in the default namespace; warns for kube-system workloads that are not a recognised system component (control plane, CNI, DNS, CSI, cloud agents). Namespaces are the unit for RBAC, quotas, policies and Pod Security labels, and both of these namespaces are shared.',
  component: 'workload',
  area: 'workloads',
  severity: 'medium',
  tier: 'api',
  references: [cis('5.6.4'), kubescape('C-0212'), kubescape('C-0061'), trivy('KSV-0110'), trivy('KSV-0037'), catalogue('WL-17')],
  remediation: 'Create a namespace per application or team (`kubectl create namespace payments`) and deploy there: `metadata: {namespace: payments}`.',
  evaluate: (ctx) =>
    evaluateWorkloads(ctx, {
      judge(t) {
        const ns = t.ref.namespace;
        if (ns !== 'default' && ns !== 'kube-system' && readsOwnObject(t)) return passIn(ns);
        const evidence = [ev('a dedicated namespace', ns, `${t.label} · metadata.namespace`)];
        if (ns === 'default') return { status: 'fail', message: `${t.ref.kind} ${t.ref.name} runs in the default namespace.`, evidence };
        if (ns === 'kube-system' && !KUBE_SYSTEM_COMPONENTS.test(t.ref.name))
          return { status: 'warn', message: `${t.ref.kind} ${t.ref.name} runs in kube-system but is not a recognised system component.`, evidence };
        return { status: 'pass', message: `Runs in namespace ${ns}.`, evidence };
      },
    }),
});
