/**
 * Shared building blocks for checks: finding components, flag evidence, managed-cluster handling,
 * and result builders. Checks stay small because the repetitive parts (which pod, which flag, what
 * to say when the control plane is hidden) live here once.
 */
import type { Architecture, Component, ComponentType, ObjectRef } from '../model/architecture';
import type { Flags } from '../model/flags';
import { CLUSTER_ID, PROVIDER_MANAGED_ID, nodeId } from '../model/ids';
import type { Inventory, NodeInfo, PodSpecInfo } from '../model/inventory';
import type { CheckContext, CheckResult, Evidence, Status } from './types';
import { missingInput } from './inputs';

export { missingInput, firstMissing, describeIssue } from './inputs';
export { daysBetween, enabledAdmissionPlugins, hostOf, isLoopbackHost, parseDurationSeconds, splitList } from './values';
export {
  parseVersion,
  compareVersions,
  compareVersionStrings,
  versionAtLeast,
  formatVersion,
  imageTag,
  type Version,
} from './semver';

/** What flag checks say on EKS/GKE/AKS, where control-plane pods do not exist in the cluster. */
export const MANAGED_FLAGS_MESSAGE = 'provider-managed control plane: flags are not visible';

/** The sentence for checks that can only be answered from the node's filesystem or process list. */
export const NEEDS_NODE_AGENT_MESSAGE =
  'needs a node agent: this setting lives on the node (files, process arguments) and is not visible through the Kubernetes API';

// ---------------------------------------------------------------------------------------------
// Components

export function componentsOfType(arch: Architecture, type: ComponentType): Component[] {
  return arch.components.filter((c) => c.type === type);
}

export function isManaged(arch: Architecture): boolean {
  return arch.controlPlane.managed;
}

/** The Pod a control-plane component was read from, for evidence and finding objects. */
export function podRef(c: Component): ObjectRef | undefined {
  return c.objects.find((o) => o.kind === 'Pod') ?? c.objects[0];
}

/** `Pod kube-system/kube-apiserver-cp-1`, or the component name when no object is known. */
export function objectLabel(ref: ObjectRef | undefined, fallback: string): string {
  if (!ref) return fallback;
  return ref.namespace ? `${ref.kind} ${ref.namespace}/${ref.name}` : `${ref.kind} ${ref.name}`;
}

/** `Pod kube-system/kube-apiserver-cp-1 · --anonymous-auth` */
export function flagSource(c: Component, flag: string): string {
  return `${objectLabel(podRef(c), c.name)} · --${flag}`;
}

/** Evidence for one flag: its value (or `(not set)`), what we expected, and where it was read. */
export function flagEvidence(c: Component, flag: string, expected: string): Evidence {
  const value = c.flags?.[flag];
  return { expected, actual: value === undefined ? '(not set)' : `--${flag}=${value}`, source: flagSource(c, flag) };
}

export function evidence(expected: string, actual: string, source: string): Evidence {
  return { expected, actual, source };
}

// ---------------------------------------------------------------------------------------------
// Results

/** A result attached to a component (and its pod, where it has one). */
export function resultFor(c: Component, status: Status, message: string, ev: Evidence[]): CheckResult {
  const object = podRef(c);
  return object ? { componentId: c.id, object, status, message, evidence: ev } : { componentId: c.id, status, message, evidence: ev };
}

/** A result attached to a component id only (cluster-level or synthetic targets). */
export function resultAt(componentId: string, status: Status, message: string, ev: Evidence[], object?: ObjectRef): CheckResult {
  return object ? { componentId, object, status, message, evidence: ev } : { componentId, status, message, evidence: ev };
}

/** `pass` when `ok`, else `failStatus`, with the two messages: keeps checks to one expression. */
export function verdict(
  c: Component,
  ok: boolean,
  passMessage: string,
  failMessage: string,
  ev: Evidence[],
  failStatus: Status = 'fail',
): CheckResult {
  return resultFor(c, ok ? 'pass' : failStatus, ok ? passMessage : failMessage, ev);
}

/** The id findings about a hidden control plane attach to. */
export function managedComponentId(arch: Architecture): string {
  return arch.components.find((c) => c.type === 'provider-managed')?.id ?? PROVIDER_MANAGED_ID;
}

/** The single `not-applicable` result a flag check returns on a managed control plane. */
export function managedNotApplicable(arch: Architecture, message = MANAGED_FLAGS_MESSAGE): CheckResult {
  const who = arch.controlPlane.provider && arch.controlPlane.provider !== 'unknown' ? ` (${arch.controlPlane.provider})` : '';
  return resultAt(managedComponentId(arch), 'not-applicable', message, [
    evidence('control-plane pod flags', 'not visible', `managed control plane${who}: ${arch.controlPlane.providerEvidence ?? 'detected'}`),
  ]);
}

/** `unknown` on a component (or id) with the reason as the message. */
export function unknownAt(target: Component | string, reason: string, ev: Evidence[] = []): CheckResult {
  const message = `Cannot evaluate: ${reason.replace(/\.$/, '')}.`;
  return typeof target === 'string' ? resultAt(target, 'unknown', message, ev) : resultFor(target, 'unknown', message, ev);
}

// ---------------------------------------------------------------------------------------------
// Control-plane flag checks

export interface FlagCheckOptions {
  /** What to report when no component of the type exists on a self-managed cluster. */
  whenAbsent?: { status: Extract<Status, 'unknown' | 'not-applicable'>; message: string };
}

/**
 * The common shape of a control-plane flag check: not-applicable on a managed control plane,
 * unknown (with the reason) when the pods or their flags are not visible, else `evaluate` per
 * component instance (one result per apiserver replica, per etcd member …).
 */
export function forEachFlagComponent(
  ctx: CheckContext,
  type: ComponentType,
  evaluate: (c: Component, flags: Flags) => CheckResult | CheckResult[],
  options: FlagCheckOptions = {},
): CheckResult[] {
  const { inv, arch } = ctx;
  if (isManaged(arch)) {
    // buildArchitecture calls a control plane "managed" whenever no apiserver pod is visible. When
    // that is because our identity cannot list pods (and no provider was recognised), say so.
    const hidden = missingInput(inv, 'Pod', 'kube-system');
    if (hidden && (arch.controlPlane.provider ?? 'unknown') === 'unknown') {
      return [unknownAt(managedComponentId(arch), hidden, [evidence(`a ${type} static pod`, 'not readable', 'Pods in namespace kube-system')])];
    }
    return [managedNotApplicable(arch)];
  }
  const comps = componentsOfType(arch, type);
  if (comps.length === 0) {
    if (options.whenAbsent) {
      return [resultAt(CLUSTER_ID, options.whenAbsent.status, options.whenAbsent.message, [])];
    }
    const reason =
      missingInput(inv, 'Pod', 'kube-system') ??
      `no ${type} pod was found in kube-system, so its flags are not visible (it may run as a host service or outside the cluster)`;
    return [unknownAt(CLUSTER_ID, reason, [evidence(`a ${type} static pod`, 'not found', 'Pods in namespace kube-system')])];
  }
  return comps.flatMap((c) => {
    if (!c.flags) {
      const external = c.id.includes('/external/');
      const reason = external
        ? `${c.name} runs outside the cluster, so its flags are not visible`
        : `the flags of ${c.name} are not visible`;
      return [unknownAt(c, reason)];
    }
    return evaluate(c, c.flags);
  });
}

/**
 * The components that API-server-wide facts (probes, /version, /metrics) attach to: each apiserver
 * replica, or the provider-managed control plane, or the cluster when neither is visible.
 */
export function apiserverTargets(arch: Architecture): string[] {
  const ids = componentsOfType(arch, 'kube-apiserver').map((c) => c.id);
  if (ids.length > 0) return ids;
  if (isManaged(arch)) return [managedComponentId(arch)];
  return [CLUSTER_ID];
}

/** The apiserver component with this id, if the target is one. */
export function componentById(arch: Architecture, id: string): Component | undefined {
  return arch.components.find((c) => c.id === id);
}

// ---------------------------------------------------------------------------------------------
// Checks that combine flags with cluster-wide probes

export interface ApiserverTarget {
  id: string;
  /** The apiserver component, when its pod is visible. */
  component?: Component;
  /** Its flags, when visible (never on a managed control plane). */
  flags?: Flags;
}

/**
 * Every place an API-server verdict can attach to, whether or not flags are visible: each apiserver
 * replica; else the provider-managed control plane; else the cluster. Probe-based checks use this
 * so they still give verdicts on EKS/GKE/AKS.
 */
export function apiserverContexts(arch: Architecture): ApiserverTarget[] {
  const comps = componentsOfType(arch, 'kube-apiserver');
  if (comps.length > 0 && !isManaged(arch)) {
    return comps.map((c) => (c.flags ? { id: c.id, component: c, flags: c.flags } : { id: c.id, component: c }));
  }
  return apiserverTargets(arch).map((id) => ({ id }));
}

/** A result on an ApiserverTarget (with the pod as object when there is one). */
export function resultOn(t: ApiserverTarget, status: Status, message: string, ev: Evidence[]): CheckResult {
  return t.component ? resultFor(t.component, status, message, ev) : resultAt(t.id, status, message, ev);
}

// ---------------------------------------------------------------------------------------------
// Per-node checks

/**
 * One result per Node object, attached to the node component (`node/<name>`) with the Node as
 * object; `unknown` with the reason when no node is visible.
 */
export function forEachNode(
  ctx: CheckContext,
  evaluate: (node: NodeInfo) => { status: Status; message: string; evidence: Evidence[] },
  componentOf: (nodeName: string) => string = nodeId,
): CheckResult[] {
  if (ctx.inv.nodes.length === 0) {
    const why = missingInput(ctx.inv, 'Node') ?? 'no nodes are visible';
    return [unknownAt(CLUSTER_ID, why)];
  }
  return ctx.inv.nodes.map((n) => {
    const r = evaluate(n);
    return resultAt(componentOf(n.meta.name), r.status, r.message, r.evidence, { kind: 'Node', name: n.meta.name });
  });
}

/** Pod specs by `Kind namespace/name`, built once per inventory (150k pods × 5k nodes must not be a scan). */
const specIndex = new WeakMap<Inventory, Map<string, PodSpecInfo>>();

function specsOf(inv: Inventory): Map<string, PodSpecInfo> {
  let index = specIndex.get(inv);
  if (!index) {
    index = new Map();
    for (const w of inv.workloads) index.set(`${w.kind} ${w.meta.namespace ?? ''}/${w.meta.name}`, w.template.spec);
    for (const p of inv.pods) index.set(`Pod ${p.meta.namespace ?? ''}/${p.meta.name}`, p.spec);
    specIndex.set(inv, index);
  }
  return index;
}

/** Container images of a component: its recorded image fact, else its pods'/workloads' containers. */
export function componentImages(inv: Inventory, c: Component): string[] {
  // Add-ons and kube-proxy record their main image as a fact.
  const fact = c.facts['image'];
  if (typeof fact === 'string') return [fact];
  const index = specsOf(inv);
  return c.objects.flatMap((ref) => (index.get(`${ref.kind} ${ref.namespace ?? ''}/${ref.name}`)?.containers ?? []).map((ctr) => ctr.image));
}
