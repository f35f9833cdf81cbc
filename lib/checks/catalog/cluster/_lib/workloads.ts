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

/** A workload of the inventory and what the index works out for it, kept on it (no side maps). */
interface Entry {
  w: WorkloadInfo;
  /** Its top-level controller, once walked. */
  top: Entry | undefined;
  /** Index in `targets` of the target keyed by this workload's kind/namespace/name. */
  slot: number | undefined;
  /** The target its pods count towards, once one of them was seen. */
  podTarget: WorkloadTarget | undefined;
}

export const workloadIndex = memoByInventory((inv: Inventory): WorkloadIndex => {
  // Workloads by kind, namespace and name; a repeated key keeps its first position and its last
  // object, as a Map keyed by `Kind/namespace/name` would.
  const entries: ByName<Entry> = new Map();
  const distinct: Entry[] = [];
  for (let i = 0; i < inv.workloads.length; i++) {
    const w = inv.workloads[i] as WorkloadInfo;
    const ns = w.meta.namespace ?? 'default';
    const entry = getIn(entries, w.kind, ns, w.meta.name);
    if (entry) entry.w = w;
    else {
      const e: Entry = { w, top: undefined, slot: undefined, podTarget: undefined };
      setIn(entries, w.kind, ns, w.meta.name, e);
      distinct.push(e);
    }
  }

  // The top-level controller of a workload (Deployment for its ReplicaSets, CronJob for Jobs), at
  // most four owners up.
  const topOf = (start: Entry, ns: string): Entry => {
    if (start.top === undefined) {
      let top = start;
      for (let depth = 0; depth < 4; depth++) {
        const owner = controllerOwner(top.w.meta);
        // No owner, or one we cannot see (a CRD): this one is the target.
        const up = owner && getIn(entries, owner.kind, ns, owner.name);
        if (!up) break;
        top = up;
      }
      start.top = top;
    }
    return start.top;
  };

  // Targets in order of first appearance, found by kind, namespace and name (a later naked pod
  // of the same name replaces an earlier one in place, as a Map keyed by `Kind/ns/name` would).
  // Keys that are workloads keep their slot on the entry; others (pods, unknown owners) here:
  const targets: WorkloadTarget[] = [];
  const otherSlots: ByName<number> = new Map();
  const put = (kind: string, ns: string, name: string, t: WorkloadTarget): void => {
    const e = getIn(entries, kind, ns, name);
    const at = e ? e.slot : getIn(otherSlots, kind, ns, name);
    if (at !== undefined) {
      targets[at] = t;
      return;
    }
    if (e) e.slot = targets.length;
    else setIn(otherSlots, kind, ns, name, targets.length);
    targets.push(t);
  };
  const get = (kind: string, ns: string, name: string): WorkloadTarget | undefined => {
    const e = getIn(entries, kind, ns, name);
    const at = e ? e.slot : getIn(otherSlots, kind, ns, name);
    return at === undefined ? undefined : targets[at];
  };

  for (let i = 0; i < distinct.length; i++) {
    const e = distinct[i] as Entry;
    const ns = e.w.meta.namespace ?? 'default';
    if (topOf(e, ns) === e) put(e.w.kind, ns, e.w.meta.name, fromWorkload(e.w));
  }

  /** The target of a pod's controller owner, created from this pod when there is none yet. */
  const targetOf = (owner: OwnerRef, ownerEntry: Entry | undefined, ns: string, p: PodInfo): WorkloadTarget => {
    let kind = owner.kind;
    let name = owner.name;
    if (ownerEntry) {
      const top = topOf(ownerEntry, ns);
      kind = top.w.kind;
      name = top.w.meta.name;
    } else if (kind === 'ReplicaSet' || kind === 'Job') {
      const parentKind = kind === 'ReplicaSet' ? 'Deployment' : 'CronJob';
      const parent = stripSuffix(name);
      if (getIn(entries, parentKind, ns, parent)) {
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

  // Replicas name the same owner: its target is resolved once and kept on the owner's entry (or
  // here, for owners that are not in the inventory), and found at once when the pod before had
  // the same owner (listed pods come sorted by name, so replicas are neighbours; in a scan they
  // even share the owner reference). Comparing with the pod before costs less than hashing the
  // owner's name into three maps.
  const unlistedOwners: ByName<WorkloadTarget> = new Map();
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
    const same = lastOwner !== undefined && (owner === lastOwner || (owner.name === lastOwner.name && owner.kind === lastOwner.kind)) && ns === lastNs;
    let t = same ? lastTarget : undefined;
    if (!t) {
      const e = getIn(entries, owner.kind, ns, owner.name);
      t = e ? e.podTarget : getIn(unlistedOwners, owner.kind, ns, owner.name);
      if (!t) {
        t = targetOf(owner, e, ns, p);
        if (e) e.podTarget = t;
        else setIn(unlistedOwners, owner.kind, ns, owner.name, t);
      }
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

/**
 * Whether evidence about `t` can name a path in the finding's own object (`spec.template.spec.…`):
 * its spec is its own, a controller's template or a naked pod's. A target read from one of its
 * pods (its controller is not in the inventory) names that pod instead.
 */
export function readsOwnObject(t: WorkloadTarget): boolean {
  return t.from === 'template' || t.naked;
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
