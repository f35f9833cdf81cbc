/**
 * Control-plane instances from kube-system pods, the way kubescape reads them: kubeadm/RKE2
 * labels (`component=kube-apiserver`, `tier=control-plane`), else the container's command[0].
 * Only kube-system counts: anyone who can create a pod elsewhere could otherwise pose as the
 * API server. cloud-controller-manager may also run as a Deployment/DaemonSet.
 */
import type { Component, ObjectRef } from '../architecture';
import { type Flags, parseFlags } from '../flags';
import { type ControlPlaneType, controlPlaneId } from '../ids';
import type { ContainerInfo, Inventory, PodInfo, WorkloadInfo } from '../inventory';
import { argv, executable, facts, ref, versionFromImage } from './util';

export const CONTROL_PLANE_TYPES: readonly ControlPlaneType[] = [
  'kube-apiserver',
  'etcd',
  'kube-scheduler',
  'kube-controller-manager',
  'cloud-controller-manager',
];

export interface CpInstance {
  type: ControlPlaneType;
  id: string;
  nodeName?: string;
  /** The object the flags were read from (Pod, or the CCM's Deployment/DaemonSet). */
  source: ObjectRef;
  pod?: PodInfo;
  workload?: WorkloadInfo;
  container?: ContainerInfo;
  flags: Flags;
}

const LABEL_KEYS = ['component', 'k8s-app', 'app.kubernetes.io/name', 'app.kubernetes.io/component', 'app'];

/** `aws-cloud-controller-manager` is a CCM too. */
function typeOfName(name: string | undefined): ControlPlaneType | undefined {
  if (!name) return undefined;
  if (name.endsWith('cloud-controller-manager')) return 'cloud-controller-manager';
  return (CONTROL_PLANE_TYPES as readonly string[]).includes(name) ? (name as ControlPlaneType) : undefined;
}

/** The container running `type`: matched by executable, then by name, else the first one. */
function mainContainer(containers: readonly ContainerInfo[], type: ControlPlaneType): ContainerInfo | undefined {
  return (
    containers.find((c) => typeOfName(executable(c)) === type) ??
    containers.find((c) => typeOfName(c.name) === type) ??
    containers[0]
  );
}

/** Classifies a pod (or pod template) as a control-plane component, or undefined. */
export function controlPlaneType(
  labels: Record<string, string>,
  containers: readonly ContainerInfo[],
): ControlPlaneType | undefined {
  for (const key of LABEL_KEYS) {
    const t = typeOfName(labels[key]);
    if (t) return t;
  }
  for (const c of containers) {
    const t = typeOfName(executable(c));
    if (t) return t;
  }
  // `tier=control-plane` without a component label: trust the container name.
  if (labels['tier'] === 'control-plane') {
    for (const c of containers) {
      const t = typeOfName(c.name);
      if (t) return t;
    }
  }
  return undefined;
}

/** Pods and workloads must be pre-sorted (pods by namespace/name) for stable instance ids. */
export function findControlPlane(pods: readonly PodInfo[], workloads: readonly WorkloadInfo[]): CpInstance[] {
  const out: CpInstance[] = [];
  const used = new Set<string>();
  for (const pod of pods) {
    if (pod.meta.namespace !== 'kube-system') continue;
    const type = controlPlaneType(pod.meta.labels, pod.spec.containers);
    if (!type) continue;
    const container = mainContainer(pod.spec.containers, type);
    const nodeName = pod.spec.nodeName;
    // One instance per node; a second pod of the same type on a node (e.g. mid-restart) keeps its pod name.
    let id = controlPlaneId(type, nodeName ?? pod.meta.name);
    if (used.has(id)) id = controlPlaneId(type, pod.meta.name);
    used.add(id);
    const inst: CpInstance = { type, id, source: ref('Pod', pod.meta), pod, flags: parseFlags(argv(container)) };
    if (nodeName) inst.nodeName = nodeName;
    if (container) inst.container = container;
    out.push(inst);
  }
  if (!out.some((i) => i.type === 'cloud-controller-manager')) out.push(...ccmWorkloads(workloads, used));
  return out;
}

/** A CCM whose pods are not visible, seen through its Deployment/DaemonSet. */
function ccmWorkloads(workloads: readonly WorkloadInfo[], used: Set<string>): CpInstance[] {
  const out: CpInstance[] = [];
  for (const w of workloads) {
    if (w.meta.namespace !== 'kube-system' || (w.kind !== 'Deployment' && w.kind !== 'DaemonSet')) continue;
    const spec = w.template.spec;
    const type = typeOfName(w.meta.name) ?? controlPlaneType(w.template.meta.labels, spec.containers);
    if (type !== 'cloud-controller-manager') continue;
    const id = controlPlaneId(type, w.meta.name);
    if (used.has(id)) continue;
    used.add(id);
    const container = mainContainer(spec.containers, type);
    const inst: CpInstance = { type, id, source: ref(w.kind, w.meta), workload: w, flags: parseFlags(argv(container)) };
    if (container) inst.container = container;
    out.push(inst);
  }
  return out;
}

function isStaticPod(pod: PodInfo): boolean {
  return 'kubernetes.io/config.mirror' in pod.meta.annotations || pod.meta.annotations['kubernetes.io/config.source'] === 'file';
}

export function controlPlaneComponent(inst: CpInstance, inv: Inventory): Component {
  const image = inst.container?.image;
  const apiVersion = inst.type === 'kube-apiserver' ? inv.version?.gitVersion : undefined;
  const version = (image ? versionFromImage(image) : undefined) ?? apiVersion;
  const c: Component = {
    id: inst.id,
    type: inst.type,
    name: inst.nodeName ? `${inst.type} (${inst.nodeName})` : inst.type,
    layer: 'control-plane',
    flags: inst.flags,
    facts: facts({
      node: inst.nodeName,
      namespace: inst.source.namespace,
      pod: inst.pod?.meta.name,
      workload: inst.workload ? `${inst.workload.kind}/${inst.workload.meta.name}` : undefined,
      replicas: inst.workload?.replicas,
      image,
      staticPod: inst.pod ? isStaticPod(inst.pod) : undefined,
      ready: inst.pod?.status.ready,
    }),
    objects: [inst.source],
  };
  if (inst.nodeName) c.nodeName = inst.nodeName;
  if (version) c.version = version;
  return c;
}
