/**
 * The compact form of a SnapshotPosture: what snapshot files (schema version 2) and the store hold.
 * encode.ts writes it, decode.ts reads it back exactly. The ideas, each measured in
 * bench/README.md ("Snapshot size"):
 *
 *   - Names are stored once (`strings`, `objects`) and referred to by index.
 *   - Findings are grouped: rows with the same check, status, waiver, message and evidence once
 *     the object's name and namespace are written `{0}` and `{1}` (template.ts) are one group with
 *     a list of targets. 5,000 kubelets that "need a node agent" are one group per check.
 *   - Components of the same shape are one template: a node's kubelet is `node/{0}/kubelet`.
 *   - Passing rows about objects are counts (condense.ts), stored as "every object of this kind on
 *     this component passed, except the rows listed" with explicit corrections where that is not
 *     so (`passes`): exact, and nearly free.
 *   - Integer columns are differences from the previous value (columns.ts), so runs of ids cost
 *     almost nothing once gzipped.
 */
import type { Score } from '../../checks/scoring';
import type { Area, Finding, Severity, Status } from '../../checks/types';
import type { Architecture, Component, ComponentType, Edge, NodeGroup, ObjectRef } from '../../model/architecture';
import type { Posture, Scores } from '../../posture/types';

/** Objects as three columns of `strings` indices (namespace −1: cluster-scoped); all delta-coded. */
export interface CompactObjects {
  kind: number[];
  namespace: number[];
  name: number[];
}

/**
 * A component with its node name written `{0}` in every string. `null` in `objects` takes the next
 * object of the component's row (objects that do not contain the node name, e.g. a kube-proxy Pod).
 */
export interface ComponentTemplate extends Omit<Component, 'nodeName' | 'objects'> {
  objects: (ObjectRef | null)[];
}

export interface CompactComponents {
  templates: ComponentTemplate[];
  /** Per component: its template. */
  template: number[];
  /** Per component: its node name (`strings` index, −1 none), delta-coded. */
  node: number[];
  /** The objects standing for the templates' `null`s, in component order (`objects` indices), delta-coded. */
  objects: number[];
}

export interface CompactNodeGroup extends Omit<NodeGroup, 'nodeNames'> {
  /** Node names as `strings` indices, delta-coded. */
  nodes: number[];
}

export interface CompactArchitecture {
  controlPlane: Architecture['controlPlane'];
  components: CompactComponents;
  edges: Edge[];
  nodeGroups: CompactNodeGroup[];
}

/** A check's identity as findings carry it. */
export type CheckVariant = [checkId: string, title: string, area: Area, severity: Severity];

/** The targets findings refer to: component index (architecture, then `componentIds`) and object index (−1 none), delta-coded. */
export interface CompactTargets {
  component: number[];
  object: number[];
}

/** Rows that differ only by target. Templates: `{0}` the object's name, `{1}` its namespace. */
export interface FindingGroup {
  check: number;
  status: Status;
  waived?: NonNullable<Finding['waived']>;
  message: string;
  /** [expected, actual, source] */
  evidence: [string, string, string][];
  /** `targets` indices, in row order, delta-coded. */
  targets: number[];
  /** Where each row sits in the posture's findings (the order is kept), delta-coded. */
  rows: number[];
}

/**
 * Counted passes. A slot is a component and an object kind with a base count: how many objects of
 * that kind a check reports on there. A check's count at a slot of its classes is the base minus
 * its listed rows there, plus the correction in `fix` (pairs: slot index delta, correction).
 */
export interface CompactPasses {
  /** Component type (`''` for components outside the architecture) and object kind (`strings` index). */
  classes: [type: ComponentType | '', kind: number][];
  slots: { component: number[]; kind: number[]; count: number[] };
  checks: { check: number; classes: number[]; fix: number[] }[];
}

export interface CompactScores extends Omit<Scores, 'byComponent'> {
  /** Distinct component scores. */
  table: Score[];
  /** Component index (delta-coded) and `table` index per scored component. */
  byComponent: { component: number[]; score: number[] };
}

export interface CompactPosture extends Pick<Posture, 'schemaVersion' | 'collectedAt' | 'cluster' | 'issues' | 'summary' | 'stats' | 'catalogVersion' | 'cveFeedDate'> {
  strings: string[];
  objects: CompactObjects;
  architecture: CompactArchitecture;
  /** Component ids findings or scores name that are not in the architecture; numbered after its components. */
  componentIds: string[];
  checks: CheckVariant[];
  targets: CompactTargets;
  findings: FindingGroup[];
  passes: CompactPasses;
  scores: CompactScores;
}
