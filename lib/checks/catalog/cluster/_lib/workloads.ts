/**
 * Workload targets: the things workload checks evaluate, at controller level like Polaris.
 *
 * - every top-level WorkloadInfo (a ReplicaSet owned by a Deployment, or a Job owned by a
 *   CronJob, is represented by its owner, so 40 old ReplicaSets do not produce 40 findings);
 * - pods whose controller is not in the inventory (CRD controllers such as Argo Rollouts, or a
 *   kind we could not list): one target per owner, read from one of its pods;
 * - naked pods (no ownerReferences). Mirror pods of static manifests are skipped: they are the
 *   control plane, assessed by the control-plane checks.
 *
 * Built once per inventory; one pass over pods, no nested scans.
 */
import type { Architecture, ObjectRef } from '../../../../model/architecture';
import type { Inventory, OwnerRef, PodInfo, PodSpecInfo, WorkloadInfo } from '../../../../model/inventory';
import { nodeComponentId } from './components';
import { refLabel } from './format';
import { memoByInventory } from './memo';

export const SYSTEM_NAMESPACES = ['kube-system', 'kube-public', 'kube-node-lease'] as const;

export function isSystemNamespace(ns: string | undefined): boolean {
  return ns !== undefined && (SYSTEM_NAMESPACES as readonly string[]).includes(ns);
}

export interface WorkloadTarget {
  /** The controller (or naked pod) the finding is about. */
  ref: ObjectRef & { namespace: string };
  /** `Deployment web/api`: the object named in evidence sources. */
  label: string;
  /** Path of the pod spec inside `label`'s object, e.g. `spec.template.spec`. */
  specPath: string;
  /** `label · specPath`: the prefix of every evidence source about this spec. */
  source: string;
  spec: PodSpecInfo;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** A node one of its pods runs on (the lexicographically smallest, so scans are stable). */
  nodeName?: string;
  podCount: number;
  naked: boolean;
  /** Where the spec came from: the controller's template, or one of its pods. */
  from: 'template' | 'pod';
}

export interface WorkloadIndex {
  targets: WorkloadTarget[];
  byNamespace: Map<string, WorkloadTarget[]>;
  /** Lookup by `Kind/namespace/name`. */
  byKey: Map<string, WorkloadTarget>;
}

const key = (kind: string, ns: string, name: string): string => `${kind}/${ns}/${name}`;

const MIRROR_ANNOTATION = 'kubernetes.io/config.mirror';

function controllerOwner(meta: { ownerReferences?: { kind: string; name: string; controller?: boolean }[] }) {
  const owners = meta.ownerReferences ?? [];
  return owners.find((o) => o.controller) ?? owners[0];
}

function specPathFor(kind: string): string {
  return kind === 'CronJob' ? 'spec.jobTemplate.spec.template.spec' : 'spec.template.spec';
}

function fromWorkload(w: WorkloadInfo): WorkloadTarget {
  const ns = w.meta.namespace ?? 'default';
  const ref = { kind: w.kind, namespace: ns, name: w.meta.name };
  const label = refLabel(ref);
  const specPath = specPathFor(w.kind);
  return {
    ref,
    label,
    specPath,
    source: `${label} · ${specPath}`,
    spec: w.template.spec,
    labels: w.template.meta.labels,
    annotations: w.template.meta.annotations,
    podCount: 0,
    naked: false,
    from: 'template',
  };
}

function fromPod(p: PodInfo, ref: ObjectRef & { namespace: string }, naked: boolean): WorkloadTarget {
  const podRef = { kind: 'Pod', namespace: ref.namespace, name: p.meta.name };
  const label = refLabel(podRef);
  return {
    ref,
    label,
    specPath: 'spec',
    source: `${label} · spec`,
    spec: p.spec,
    labels: p.meta.labels,
    annotations: p.meta.annotations,
    podCount: 0,
    naked,
    from: 'pod',
  };
}

/** `api-5d9c7b8f6` → `api`; `backup-28291234` → `backup`: generated child names. */
const stripSuffix = (name: string): string => name.replace(/-[a-z0-9]+$/, '');

export const workloadIndex = memoByInventory((inv: Inventory): WorkloadIndex => {
  const workloads = new Map<string, WorkloadInfo>();
  for (const w of inv.workloads) workloads.set(key(w.kind, w.meta.namespace ?? 'default', w.meta.name), w);

  // The top-level controller key of a workload (Deployment for its ReplicaSets, CronJob for Jobs),
  // remembered per key: the replicas of one ReplicaSet all ask for the same one.
  const tops = new Map<string, string>();
  const topOf = (start: string, ns: string): string => {
    const hit = tops.get(start);
    if (hit !== undefined) return hit;
    const top = walkUp(start, ns);
    tops.set(start, top);
    return top;
  };
  const walkUp = (from: string, ns: string): string => {
    let k = from;
    for (let depth = 0; depth < 4; depth++) {
      const w = workloads.get(k);
      const owner = w && controllerOwner(w.meta);
      if (!owner) return k;
      const ownerKey = key(owner.kind, ns, owner.name);
      if (!workloads.has(ownerKey)) {
        // Owned by something we cannot see (a CRD): the child stays the target.
        return k;
      }
      k = ownerKey;
    }
    return k;
  };

  const byKey = new Map<string, WorkloadTarget>();
  for (const [k, w] of workloads) {
    if (topOf(k, w.meta.namespace ?? 'default') !== k) continue;
    byKey.set(k, fromWorkload(w));
  }

  const touch = (t: WorkloadTarget, p: PodInfo): void => {
    t.podCount++;
    const n = p.spec.nodeName;
    if (n && (t.nodeName === undefined || n < t.nodeName)) t.nodeName = n;
  };

  let last: { owner?: OwnerRef; ns: string; key: string } = { ns: '', key: '' };
  for (const p of inv.pods) {
    const ns = p.meta.namespace ?? 'default';
    const owner = controllerOwner(p.meta);
    if (!owner) {
      if (p.meta.annotations[MIRROR_ANNOTATION] !== undefined) continue;
      const k = key('Pod', ns, p.meta.name);
      const t = fromPod(p, { kind: 'Pod', namespace: ns, name: p.meta.name }, true);
      byKey.set(k, t);
      touch(t, p);
      continue;
    }
    if (owner.kind === 'Node') continue; // a mirror pod (static manifest)
    // Replicas share their owner reference (the projection interns it): resolve it once per namespace.
    let k: string;
    if (last.owner === owner && last.ns === ns) k = last.key;
    else {
      k = key(owner.kind, ns, owner.name);
      if (workloads.has(k)) k = topOf(k, ns);
      else if (owner.kind === 'ReplicaSet' && workloads.has(key('Deployment', ns, stripSuffix(owner.name))))
        k = key('Deployment', ns, stripSuffix(owner.name));
      else if (owner.kind === 'Job' && workloads.has(key('CronJob', ns, stripSuffix(owner.name))))
        k = key('CronJob', ns, stripSuffix(owner.name));
      last = { owner, ns, key: k };
    }
    let t = byKey.get(k);
    if (!t) {
      t = fromPod(p, { kind: owner.kind, namespace: ns, name: owner.name }, false);
      byKey.set(k, t);
    }
    touch(t, p);
  }

  const targets = [...byKey.values()];
  const byNamespace = new Map<string, WorkloadTarget[]>();
  for (const t of targets) {
    const list = byNamespace.get(t.ref.namespace);
    if (list) list.push(t);
    else byNamespace.set(t.ref.namespace, [t]);
  }
  return { targets, byNamespace, byKey };
});

const componentIds = new WeakMap<Architecture, Map<string | undefined, string>>();

/** The node component a target's findings attach to; one lookup per node name and diagram. */
export function targetComponentId(arch: Architecture, t: WorkloadTarget): string {
  let byNode = componentIds.get(arch);
  if (!byNode) {
    byNode = new Map();
    componentIds.set(arch, byNode);
  }
  let id = byNode.get(t.nodeName);
  if (id === undefined) {
    id = nodeComponentId(arch, t.nodeName);
    byNode.set(t.nodeName, id);
  }
  return id;
}

export interface ContainerAt {
  c: PodSpecInfo['containers'][number];
  /** `containers[0]`, `initContainers[1]`, `ephemeralContainers[0]`. */
  path: string;
}

const containerLists = new WeakMap<PodSpecInfo, readonly ContainerAt[]>();

/**
 * All containers of a spec with their field paths; init and ephemeral containers count too.
 * Built once per spec (twenty checks ask for every workload's containers); read-only.
 */
export function containersOf(spec: PodSpecInfo): readonly ContainerAt[] {
  const hit = containerLists.get(spec);
  if (hit) return hit;
  const out: ContainerAt[] = [];
  spec.containers.forEach((c, i) => out.push({ c, path: `containers[${i}]` }));
  spec.initContainers.forEach((c, i) => out.push({ c, path: `initContainers[${i}]` }));
  spec.ephemeralContainers.forEach((c, i) => out.push({ c, path: `ephemeralContainers[${i}]` }));
  for (const x of out) Object.freeze(x);
  Object.freeze(out);
  containerLists.set(spec, out);
  return out;
}

/** `Deployment web/api · spec.template.spec.containers[0].securityContext.privileged`. */
export function fieldSource(t: WorkloadTarget, field: string): string {
  return field ? `${t.source}.${field}` : t.source;
}

/** `Deployment web/api · spec.template.metadata.annotations["key"]`: where pod annotations live. */
export function annotationSource(t: WorkloadTarget, annotation: string): string {
  return `${t.label} · ${t.specPath.replace(/spec$/, 'metadata')}.annotations["${annotation}"]`;
}
