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
import type { Inventory, PodInfo, PodSpecInfo, WorkloadInfo } from '../../../../model/inventory';
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
  return {
    ref,
    label: refLabel(ref),
    specPath: specPathFor(w.kind),
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
  return {
    ref,
    label: refLabel(podRef),
    specPath: 'spec',
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

  // The top-level controller key of a workload (Deployment for its ReplicaSets, CronJob for Jobs).
  const topOf = (kind: string, ns: string, name: string): string => {
    let k = key(kind, ns, name);
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
    if (topOf(w.kind, w.meta.namespace ?? 'default', w.meta.name) !== k) continue;
    byKey.set(k, fromWorkload(w));
  }

  const touch = (t: WorkloadTarget, p: PodInfo): void => {
    t.podCount++;
    const n = p.spec.nodeName;
    if (n && (t.nodeName === undefined || n < t.nodeName)) t.nodeName = n;
  };

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
    let k = key(owner.kind, ns, owner.name);
    if (workloads.has(k)) k = topOf(owner.kind, ns, owner.name);
    else if (owner.kind === 'ReplicaSet' && workloads.has(key('Deployment', ns, stripSuffix(owner.name))))
      k = key('Deployment', ns, stripSuffix(owner.name));
    else if (owner.kind === 'Job' && workloads.has(key('CronJob', ns, stripSuffix(owner.name))))
      k = key('CronJob', ns, stripSuffix(owner.name));
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

export function targetComponentId(arch: Architecture, t: WorkloadTarget): string {
  return nodeComponentId(arch, t.nodeName);
}

export interface ContainerAt {
  c: PodSpecInfo['containers'][number];
  /** `containers[0]`, `initContainers[1]`, `ephemeralContainers[0]`. */
  path: string;
}

/** All containers of a spec with their field paths; init and ephemeral containers count too. */
export function containersOf(spec: PodSpecInfo): ContainerAt[] {
  const out: ContainerAt[] = [];
  spec.containers.forEach((c, i) => out.push({ c, path: `containers[${i}]` }));
  spec.initContainers.forEach((c, i) => out.push({ c, path: `initContainers[${i}]` }));
  spec.ephemeralContainers.forEach((c, i) => out.push({ c, path: `ephemeralContainers[${i}]` }));
  return out;
}

/** `Deployment web/api · spec.template.spec.containers[0].securityContext.privileged`. */
export function fieldSource(t: WorkloadTarget, field: string): string {
  return `${t.label} · ${t.specPath}${field ? `.${field}` : ''}`;
}

/** `Deployment web/api · spec.template.metadata.annotations["key"]`: where pod annotations live. */
export function annotationSource(t: WorkloadTarget, annotation: string): string {
  return `${t.label} · ${t.specPath.replace(/spec$/, 'metadata')}.annotations["${annotation}"]`;
}
