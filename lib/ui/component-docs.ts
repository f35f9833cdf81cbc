/**
 * What each kind of component is, for the drill-down: its role in one or two sentences, and what
 * an attacker gains when it is weak. Written for an operator who knows Kubernetes a little, so
 * they can judge a finding without leaving the page. Sub-parts come from the component's own
 * flags where the model has them (controllers, admission plugins, authorizers).
 */
import type { Component, ComponentType } from '../model/architecture';
import { flagList } from '../model/flags';

export interface ComponentDoc {
  role: string;
  attacker: string;
}

export const COMPONENT_DOCS: Record<ComponentType, ComponentDoc> = {
  clients: {
    role: 'Everything that talks to the API server from outside the control plane: people with kubectl, CI pipelines, operators, dashboards. Each request is authenticated, authorized (RBAC) and passed through admission control.',
    attacker: 'If the API server accepts anonymous or weakly authenticated requests, anyone who can reach its address can read cluster data or, with loose RBAC, change it.',
  },
  cluster: {
    role: 'Settings that belong to the whole cluster rather than one process: RBAC roles and bindings, namespaces and their Pod Security levels, network policies, quotas and limits.',
    attacker: 'Loose RBAC or missing isolation lets a single stolen token or compromised Pod spread to other namespaces, read Secrets or gain cluster-admin.',
  },
  'kube-apiserver': {
    role: 'The front door and the only component that talks to etcd. Every read and write of cluster state, by people and by the other components, goes through it: it authenticates, authorizes, runs admission control and stores the result.',
    attacker: 'Control of the API server is control of the cluster. Weak authentication or authorization gives an attacker every Secret and the power to run any workload anywhere; weak TLS lets them read or alter traffic in between.',
  },
  etcd: {
    role: 'The key-value database holding the entire cluster state: every object, including every Secret. Only the API server should ever talk to it.',
    attacker: 'Direct access to etcd bypasses RBAC and admission entirely: an attacker can read all Secrets (in plaintext unless encryption at rest is on) and rewrite any object, including their own permissions.',
  },
  'kube-scheduler': {
    role: 'Watches for new Pods that have no node and decides where each one runs, based on resources, affinity, taints and tolerations.',
    attacker: 'A compromised scheduler can place Pods on nodes of its choice, for example next to sensitive workloads or on control-plane nodes, and its open endpoints can leak cluster details.',
  },
  'kube-controller-manager': {
    role: 'Runs the built-in control loops that make the cluster converge on what was asked for: Deployments into ReplicaSets into Pods, node health, namespace cleanup, service-account tokens and certificate signing.',
    attacker: 'It holds powerful credentials, including the key that signs service-account tokens. Taking it over means minting tokens for any service account and acting with the rights of every controller.',
  },
  'cloud-controller-manager': {
    role: 'Connects the cluster to its cloud provider: creates load balancers, attaches routes and volumes, and keeps node objects in sync with cloud machines.',
    attacker: 'It holds cloud credentials. Abusing it can reach beyond Kubernetes into the cloud account: networks, disks and load balancers.',
  },
  'provider-managed': {
    role: 'A control plane run by the cloud provider (EKS, GKE, AKS): the API server, etcd, the scheduler and controllers live in the provider’s account and are not visible as Pods, so their flags cannot be read through the API.',
    attacker: 'The provider secures the machines, but the settings you choose still matter: public endpoint access, audit logging, who is mapped to cluster-admin. Checks that need control-plane flags stay unknown here.',
  },
  node: {
    role: 'A machine that runs Pods. Its kubelet, kube-proxy and container runtime are drawn inside it; the number of Pods it runs, and the findings about those Pods, belong to it.',
    attacker: 'A node that runs privileged or host-mounted Pods, or an outdated kernel or runtime, is one container escape away from root on the machine, and from there from the credentials of every Pod on it.',
  },
  kubelet: {
    role: 'The agent on each node. It watches the API server for Pods bound to its node, has the container runtime start them, reports their status and serves an API on port 10250 for logs, exec and metrics.',
    attacker: 'An open kubelet API (anonymous access, no authorization, the read-only port) lets anyone who reaches the node run commands in every container on it, without going through the API server.',
  },
  'kube-proxy': {
    role: 'Programs each node’s packet filtering (iptables, IPVS or nftables) so that traffic to a Service reaches one of its Pods.',
    attacker: 'Its metrics and health endpoints, if bound to all addresses, leak cluster topology; its credentials can read every Service and EndpointSlice.',
  },
  'container-runtime': {
    role: 'containerd or CRI-O: pulls images and starts containers for the kubelet through the CRI socket on the node.',
    attacker: 'Whoever reaches the runtime socket controls every container on the node and usually the host. Known runtime CVEs are container-escape bugs.',
  },
  dns: {
    role: 'Cluster DNS (usually CoreDNS): resolves Service and Pod names for every workload in the cluster.',
    attacker: 'Control of cluster DNS means redirecting any Service name to an attacker’s address, a quiet way to intercept traffic between workloads.',
  },
  dashboard: {
    role: 'A web UI for the cluster, running inside it with its own service account.',
    attacker: 'Dashboards exposed without login, or with a powerful service account, have been a classic way into clusters: whoever opens the page acts with the dashboard’s rights.',
  },
  cni: {
    role: 'The network plugin: gives each Pod an address, connects Pods across nodes and, for plugins that support it, enforces NetworkPolicies.',
    attacker: 'It runs privileged on every node. A plugin that does not enforce NetworkPolicy leaves every Pod able to reach every other Pod, whatever policies say.',
  },
  'ingress-controller': {
    role: 'Receives HTTP(S) traffic from outside the cluster and routes it to Services according to Ingress objects.',
    attacker: 'It faces the internet and often can read TLS Secrets in many namespaces; configuration-snippet features have allowed reading every Secret in the cluster.',
  },
  'metrics-server': {
    role: 'Collects CPU and memory usage from every kubelet and serves it to the autoscalers and kubectl top.',
    attacker: 'It talks to every kubelet; when it skips TLS verification, its traffic to nodes can be intercepted.',
  },
  'csi-driver': {
    role: 'A storage driver: creates, attaches and mounts volumes for Pods, usually with a privileged component on every node.',
    attacker: 'Its node part is privileged with host mounts, and its controller often holds cloud-storage credentials: a route to host access and to other tenants’ data.',
  },
};

export interface SubParts {
  title: string;
  items: string[];
  note?: string;
}

/** `--controllers=*,bootstrapsigner,-ttl` → what actually runs, in words. */
function controllers(flags: Record<string, string>): SubParts {
  const list = flagList(flags, 'controllers');
  const all = list.length === 0 || list.includes('*');
  const extra = list.filter((c) => c !== '*' && !c.startsWith('-'));
  const off = list.filter((c) => c.startsWith('-')).map((c) => c.slice(1));
  const items = [
    ...(all ? ['every controller that is on by default (deployment, replicaset, job, namespace, node lifecycle, garbage collector, service-account tokens, certificate signing, …)'] : []),
    ...extra.map((c) => `${c}${all ? ' (also enabled)' : ''}`),
    ...off.map((c) => `${c} (disabled)`),
  ];
  return {
    title: 'Controllers',
    items,
    note: list.length === 0 ? 'From the default: --controllers is not set.' : `From --controllers=${flags['controllers']}.`,
  };
}

/** The parts of a component that its flags reveal, or nothing when the model does not know them. */
export function subPartsOf(c: Pick<Component, 'type' | 'flags'>): SubParts[] {
  const flags = c.flags;
  if (!flags) return [];
  switch (c.type) {
    case 'kube-controller-manager':
      return [controllers(flags)];
    case 'kube-apiserver': {
      const out: SubParts[] = [];
      const authz = flagList(flags, 'authorization-mode');
      out.push({ title: 'Authorizers', items: authz.length > 0 ? authz : ['AlwaysAllow (the default when --authorization-mode is not set)'], note: 'From --authorization-mode.' });
      const admission = flagList(flags, 'enable-admission-plugins');
      const disabled = flagList(flags, 'disable-admission-plugins');
      out.push({
        title: 'Admission plugins',
        items: [...admission.map((p) => `${p} (enabled)`), ...disabled.map((p) => `${p} (disabled)`)],
        note: admission.length + disabled.length === 0 ? 'Only the default plugins: no --enable-admission-plugins flag.' : 'Besides the plugins on by default, from --enable-admission-plugins / --disable-admission-plugins.',
      });
      return out;
    }
    case 'etcd': {
      const urls = [...flagList(flags, 'listen-client-urls'), ...flagList(flags, 'listen-peer-urls')];
      return urls.length > 0 ? [{ title: 'Listens on', items: urls, note: 'From --listen-client-urls and --listen-peer-urls.' }] : [];
    }
    default:
      return [];
  }
}
