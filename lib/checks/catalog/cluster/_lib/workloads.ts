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
  /** `spec`'s containers (init and ephemeral included) with their field paths; read-only. */
  containers: readonly ContainerAt[];
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
}

const MIRROR_ANNOTATION = 'kubernetes.io/config.mirror';

function controllerOwner(meta: { ownerReferences?: OwnerRef[] }): OwnerRef | undefined {
  const owners = meta.ownerReferences;
  if (owners === undefined) return undefined;
  for (let i = 0; i < owners.length; i++) if ((owners[i] as OwnerRef).controller) return owners[i];
  return owners[0];
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
    containers: listContainers(w.template.spec),
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
    containers: listContainers(p.spec),
    labels: p.meta.labels,
    annotations: p.meta.annotations,
    podCount: 0,
    naked,
    from: 'pod',
  };
}

/** `api-5d9c7b8f6` → `api`; `backup-28291234` → `backup`: generated child names. */
const stripSuffix = (name: string): string => name.replace(/-[a-z0-9]+$/, '');

/** kind → namespace → name → value: lookups with the inventory's own strings, no key built per pod. */
type ByName<V> = Map<string, Map<string, Map<string, V>>>;

function getIn<V>(m: ByName<V>, kind: string, ns: string, name: string): V | undefined {
  return m.get(kind)?.get(ns)?.get(name);
}

function setIn<V>(m: ByName<V>, kind: string, ns: string, name: string, v: V): void {
  let byNs = m.get(kind);
  if (!byNs) m.set(kind, (byNs = new Map()));
  let byName = byNs.get(ns);
  if (!byName) byNs.set(ns, (byName = new Map()));
  byName.set(name, v);
}

export const workloadIndex = memoByInventory((inv: Inventory): WorkloadIndex => {
  // Workloads by kind, namespace and name; a repeated key keeps its first position and its last
  // object, as a Map keyed by `Kind/namespace/name` would.
  const workloads: ByName<{ w: WorkloadInfo }> = new Map();
  const distinct: { w: WorkloadInfo }[] = [];
  for (const w of inv.workloads) {
    const ns = w.meta.namespace ?? 'default';
    const entry = getIn(workloads, w.kind, ns, w.meta.name);
    if (entry) entry.w = w;
    else {
      const e = { w };
      setIn(workloads, w.kind, ns, w.meta.name, e);
      distinct.push(e);
    }
  }
  const lookup = (kind: string, ns: string, name: string): WorkloadInfo | undefined => getIn(workloads, kind, ns, name)?.w;

  // The top-level controller of a workload (Deployment for its ReplicaSets, CronJob for Jobs), at
  // most four owners up; remembered, since every ReplicaSet of a Deployment asks.
  const tops = new Map<WorkloadInfo, WorkloadInfo>();
  const topOf = (start: WorkloadInfo, ns: string): WorkloadInfo => {
    let top = tops.get(start);
    if (top === undefined) {
      top = start;
      for (let depth = 0; depth < 4; depth++) {
        const owner = controllerOwner(top.meta);
        // No owner, or one we cannot see (a CRD): this one is the target.
        const up = owner && lookup(owner.kind, ns, owner.name);
        if (!up) break;
        top = up;
      }
      tops.set(start, top);
    }
    return top;
  };

  // Targets in order of first appearance, found by kind, namespace and name (a later naked pod
  // of the same name replaces an earlier one in place, as a Map keyed by `Kind/ns/name` would).
  const targets: WorkloadTarget[] = [];
  const slots: ByName<number> = new Map();
  const put = (kind: string, ns: string, name: string, t: WorkloadTarget): void => {
    const at = getIn(slots, kind, ns, name);
    if (at === undefined) {
      setIn(slots, kind, ns, name, targets.length);
      targets.push(t);
    } else targets[at] = t;
  };
  const get = (kind: string, ns: string, name: string): WorkloadTarget | undefined => {
    const at = getIn(slots, kind, ns, name);
    return at === undefined ? undefined : targets[at];
  };

  for (const { w } of distinct) {
    const ns = w.meta.namespace ?? 'default';
    if (topOf(w, ns) === w) put(w.kind, ns, w.meta.name, fromWorkload(w));
  }

  /** The target of a pod's controller owner, created from this pod when there is none yet. */
  const targetOf = (owner: OwnerRef, ns: string, p: PodInfo): WorkloadTarget => {
    let kind = owner.kind;
    let name = owner.name;
    const w = lookup(kind, ns, name);
    if (w) {
      const top = topOf(w, ns);
      kind = top.kind;
      name = top.meta.name;
    } else if (kind === 'ReplicaSet' || kind === 'Job') {
      const parentKind = kind === 'ReplicaSet' ? 'Deployment' : 'CronJob';
      const parent = stripSuffix(name);
      if (lookup(parentKind, ns, parent)) {
        kind = parentKind;
        name = parent;
      }
    }
    let t = get(kind, ns, name);
    if (!t) {
      t = fromPod(p, { kind: owner.kind, namespace: ns, name: owner.name }, false);
      put(kind, ns, name, t);
    }
    return t;
  };

  const touch = (t: WorkloadTarget, p: PodInfo): void => {
    t.podCount++;
    const n = p.spec.nodeName;
    if (n && (t.nodeName === undefined || n < t.nodeName)) t.nodeName = n;
  };

  // Replicas name the same owner: its target is resolved once, then found by the owner's kind,
  // namespace and name, or at once when the pod before had the same owner object (a scan's
  // projection shares owner references between replicas).
  const ownerTargets: ByName<WorkloadTarget> = new Map();
  let lastOwner: OwnerRef | undefined;
  let lastNs = '';
  let lastTarget: WorkloadTarget | undefined;
  for (let i = 0; i < inv.pods.length; i++) {
    const p = inv.pods[i] as PodInfo;
    const ns = p.meta.namespace ?? 'default';
    const owner = controllerOwner(p.meta);
    if (!owner) {
      if (p.meta.annotations[MIRROR_ANNOTATION] !== undefined) continue;
      const t = fromPod(p, { kind: 'Pod', namespace: ns, name: p.meta.name }, true);
      put('Pod', ns, p.meta.name, t);
      touch(t, p);
      continue;
    }
    if (owner.kind === 'Node') continue; // a mirror pod (static manifest)
    let t = owner === lastOwner && ns === lastNs ? lastTarget : getIn(ownerTargets, owner.kind, ns, owner.name);
    if (!t) {
      t = targetOf(owner, ns, p);
      setIn(ownerTargets, owner.kind, ns, owner.name, t);
    }
    lastOwner = owner;
    lastNs = ns;
    lastTarget = t;
    touch(t, p);
  }

  const byNamespace = new Map<string, WorkloadTarget[]>();
  for (const t of targets) {
    const list = byNamespace.get(t.ref.namespace);
    if (list) list.push(t);
    else byNamespace.set(t.ref.namespace, [t]);
  }
  return { targets, byNamespace };
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

const componentIdLists = new WeakMap<Architecture, WeakMap<WorkloadIndex, readonly string[]>>();

/**
 * targetComponentId of every target, aligned with `index.targets`: computed once per diagram
 * and index, not once per check and target.
 */
export function targetComponentIds(arch: Architecture, index: WorkloadIndex): readonly string[] {
  let byIndex = componentIdLists.get(arch);
  if (!byIndex) componentIdLists.set(arch, (byIndex = new WeakMap()));
  let ids = byIndex.get(index);
  if (!ids) {
    ids = Object.freeze(index.targets.map((t) => targetComponentId(arch, t)));
    byIndex.set(index, ids);
  }
  return ids;
}

export interface ContainerAt {
  c: PodSpecInfo['containers'][number];
  /** `containers[0]`, `initContainers[1]`, `ephemeralContainers[0]`. */
  path: string;
}

/** `containers[i]` etc. for small i, made once: every spec would otherwise build its own. */
const PATHS = {
  containers: Array.from({ length: 8 }, (_, i) => `containers[${i}]`),
  initContainers: Array.from({ length: 8 }, (_, i) => `initContainers[${i}]`),
  ephemeralContainers: Array.from({ length: 8 }, (_, i) => `ephemeralContainers[${i}]`),
};

function pushAll(out: ContainerAt[], list: PodSpecInfo['containers'], field: keyof typeof PATHS): void {
  const paths = PATHS[field];
  for (let i = 0; i < list.length; i++) out.push(Object.freeze({ c: list[i] as ContainerAt['c'], path: paths[i] ?? `${field}[${i}]` }));
}

/** All containers of a spec with their field paths (init and ephemeral too), frozen. */
function listContainers(spec: PodSpecInfo): readonly ContainerAt[] {
  const out: ContainerAt[] = [];
  pushAll(out, spec.containers, 'containers');
  pushAll(out, spec.initContainers, 'initContainers');
  pushAll(out, spec.ephemeralContainers, 'ephemeralContainers');
  return Object.freeze(out);
}

const containerLists = new WeakMap<PodSpecInfo, readonly ContainerAt[]>();

/**
 * All containers of a spec with their field paths; init and ephemeral containers count too.
 * Built once per spec; read-only. Workload targets carry theirs as `t.containers`.
 */
export function containersOf(spec: PodSpecInfo): readonly ContainerAt[] {
  const hit = containerLists.get(spec);
  if (hit) return hit;
  const out = listContainers(spec);
  containerLists.set(spec, out);
  return out;
}

const dotted = new Map<string, string>();

/**
 * `Deployment web/api · spec.template.spec.containers[0].securityContext.privileged`. One string
 * concatenation (`.field` is made once per field name): there is one per workload and check.
 */
export function fieldSource(t: WorkloadTarget, field: string): string {
  if (!field) return t.source;
  let suffix = dotted.get(field);
  if (suffix === undefined) {
    suffix = `.${field}`;
    if (dotted.size < 10_000) dotted.set(field, suffix);
  }
  return t.source + suffix;
}

const metadataPaths = new Map<string, string>();

/** `spec.template.spec` → `spec.template.metadata`: where the pod metadata of a spec path lives. */
export function metadataPath(specPath: string): string {
  let out = metadataPaths.get(specPath);
  if (out === undefined) {
    out = specPath.replace(/spec$/, 'metadata');
    if (metadataPaths.size < 100) metadataPaths.set(specPath, out);
  }
  return out;
}

/** `Deployment web/api · spec.template.metadata.annotations["key"]`: where pod annotations live. */
export function annotationSource(t: WorkloadTarget, annotation: string): string {
  return `${t.label} · ${metadataPath(t.specPath)}.annotations["${annotation}"]`;
}

/**
 * Does any of the pod annotations contain `fragment` in its key? Lets a check skip building a
 * per-container annotation key when the template has none of that family (the usual case).
 */
export function hasAnnotationWith(t: WorkloadTarget, fragment: string): boolean {
  for (const k in t.annotations) if (k.includes(fragment)) return true;
  return false;
}
