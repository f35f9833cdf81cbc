/**
 * "Play pod creation": the hops a `kubectl run` takes through the cluster, resolved against the
 * real Architecture, each with the protection of its connection (edge TLS/auth) and the open
 * findings of the checks that guard that hop.
 *
 *   client → kube-apiserver → etcd → scheduler (watch) → kube-apiserver (bind) → etcd
 *          → kubelet (watch) → container runtime
 */
import type { Finding } from '../checks/types';
import type { Architecture, Component, Edge } from '../model/architecture';
import { CLIENTS_ID } from '../model/ids';
import { type EdgeProtection, edgeProtection, edgeSentence } from './edge-style';

export interface FlowStep {
  from: string;
  to: string;
  title: string;
  /** What happens, in one or two sentences. */
  what: string;
  /** The Architecture edge carrying this hop, in either direction, when the model knows it. */
  edge?: Edge;
  protection?: EdgeProtection;
  /** `kube-apiserver → etcd: no TLS (plaintext), no authentication`, or why it is not visible. */
  protectionText: string;
  /** Open (fail/warn) findings of the checks that guard this hop, on the components involved. */
  findings: Finding[];
  /** How many guarding checks passed on these components. */
  passing: number;
}

interface Hop {
  from: Component | undefined;
  to: Component | undefined;
  title: string;
  what: string;
  checks: readonly string[];
}

const CLIENT_CHECKS = ['apiserver-anonymous-auth', 'apiserver-serving-tls', 'apiserver-tls-min-version', 'apiserver-tls-cipher-suites', 'apiserver-client-ca', 'apiserver-token-auth-file', 'apiserver-authorization-mode', 'pod-admission-policy', 'rbac-create-pods'];
const STORAGE_CHECKS = ['apiserver-etcd-tls', 'etcd-client-tls', 'etcd-client-cert-auth', 'etcd-listen-client-urls', 'apiserver-encryption-at-rest', 'etcd-unique-ca'];
const SCHEDULER_CHECKS = ['scheduler-bind-address', 'scheduler-profiling'];
const KUBELET_CHECKS = ['apiserver-node-restriction', 'kubelet-rotate-certificates', 'kubelet-anonymous-auth', 'kubelet-authorization-mode', 'kubelet-read-only-port', 'apiserver-kubelet-client-cert', 'apiserver-kubelet-certificate-authority'];
const RUNTIME_CHECKS = ['container-runtime-cve', 'runtime-socket-mount', 'kubelet-seccomp-default', 'runtime-sandbox-class'];

function first(arch: Architecture, type: Component['type'], prefer?: (c: Component) => boolean): Component | undefined {
  const all = arch.components.filter((c) => c.type === type).sort((a, b) => (a.id < b.id ? -1 : 1));
  return (prefer ? all.find(prefer) : undefined) ?? all[0];
}

function findEdge(arch: Architecture, a: string, b: string): Edge | undefined {
  return arch.edges.find((e) => e.from === a && e.to === b) ?? arch.edges.find((e) => e.from === b && e.to === a);
}

/** The node a new pod would most likely land on: the first worker, else any node. */
function targetNode(arch: Architecture): Component | undefined {
  return first(arch, 'node', (c) => c.facts['role'] !== 'control-plane');
}

export function podCreationFlow(arch: Architecture, findings: readonly Finding[]): FlowStep[] {
  const managed = first(arch, 'provider-managed');
  const clients = arch.components.find((c) => c.id === CLIENTS_ID);
  const api = first(arch, 'kube-apiserver') ?? managed;
  const etcd = first(arch, 'etcd', (c) => c.nodeName === api?.nodeName) ?? managed;
  const scheduler = first(arch, 'kube-scheduler', (c) => c.nodeName === api?.nodeName) ?? managed;
  const node = targetNode(arch);
  const kubelet = first(arch, 'kubelet', (c) => c.parentId === node?.id);
  const runtime = first(arch, 'container-runtime', (c) => c.parentId === node?.id);
  const nodeName = node?.name ?? 'a node';

  const hops: Hop[] = [
    { from: clients, to: api, title: 'kubectl creates the Pod', what: 'A client sends the new Pod to the API server, which authenticates the caller, authorizes the request and runs admission control.', checks: CLIENT_CHECKS },
    { from: api, to: etcd, title: 'The API server stores it', what: 'The accepted Pod is written to etcd, the cluster’s only database. Anything that can read etcd can read every Secret.', checks: STORAGE_CHECKS },
    { from: api, to: scheduler, title: 'The scheduler sees it (watch)', what: 'The scheduler watches the API server for Pods without a node and picks one for this Pod.', checks: SCHEDULER_CHECKS },
    { from: scheduler, to: api, title: 'The scheduler binds it', what: `The scheduler posts a Binding: the Pod goes to ${nodeName}.`, checks: SCHEDULER_CHECKS },
    { from: api, to: etcd, title: 'The binding is stored', what: 'The API server writes the Pod, now bound to its node, back to etcd.', checks: STORAGE_CHECKS },
    { from: api, to: kubelet, title: `The kubelet on ${nodeName} sees it (watch)`, what: 'The kubelet watches the API server for Pods bound to its node. The Node authorizer and NodeRestriction keep it to its own Pods.', checks: KUBELET_CHECKS },
    { from: kubelet, to: runtime, title: 'The container runtime starts it', what: 'The kubelet asks the container runtime over the CRI socket to pull the images and start the containers.', checks: RUNTIME_CHECKS },
  ];

  const steps: FlowStep[] = [];
  for (const hop of hops) {
    if (!hop.from || !hop.to) continue;
    const ids = new Set([hop.from.id, hop.to.id]);
    const guarding = findings.filter((f) => hop.checks.includes(f.checkId) && (ids.has(f.componentId) || f.componentId === 'cluster') && !f.waived);
    const step: FlowStep = {
      from: hop.from.id,
      to: hop.to.id,
      title: hop.title,
      what: hop.what,
      protectionText: '',
      findings: guarding.filter((f) => f.status === 'fail' || f.status === 'warn'),
      passing: guarding.filter((f) => f.status === 'pass').length,
    };
    if (hop.from.id === hop.to.id) {
      step.protectionText = `Inside the ${hop.from.name}: run by the provider and not visible to kube-posture.`;
    } else {
      const edge = findEdge(arch, hop.from.id, hop.to.id);
      if (edge) {
        step.edge = edge;
        step.protection = edgeProtection(edge);
        step.protectionText = edgeSentence(edge);
      } else {
        step.protectionText = 'kube-posture did not find this connection, so its protection is unknown.';
      }
    }
    steps.push(step);
  }
  return steps;
}
