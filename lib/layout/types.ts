/**
 * Output of the architecture layout: boxes and edge routes in one coordinate space (SVG user
 * units). The renderer only draws these; it never decides where anything goes.
 */
import type { AuthState, EdgeKind, Layer, TlsState } from '../model/architecture';

export type BoxKind =
  /** The background strip of one layer (clients, control plane, nodes, add-ons). */
  | 'band'
  /** A labelled container: one control-plane instance, or one node group. */
  | 'frame'
  /** A control-plane component, an add-on, the API clients, the cluster-wide settings. */
  | 'component'
  /** A node drawn with its kubelet, kube-proxy and container runtime inside. */
  | 'node'
  /** kubelet / kube-proxy / container runtime inside a node box. */
  | 'node-part'
  /** A node drawn as one box (large clusters): its parts roll up into it. */
  | 'node-compact'
  /** A collapsed node group (large clusters): every node in it rolls up into one box. */
  | 'group';

export interface LayoutBox {
  /** Component id for component-like boxes; `band/…`, `frame/…` or the node group id otherwise. */
  id: string;
  kind: BoxKind;
  x: number;
  y: number;
  width: number;
  height: number;
  label: string;
  /** The component this box is, when it is one (bands, frames and groups are not). */
  componentId?: string;
  /**
   * Component ids whose status this box shows. A plain component shows itself; a compact node
   * shows the node and its parts; a collapsed group shows every node and part in it.
   */
  members: string[];
  /** The box this one sits inside, if any (frames sit in bands, parts in nodes…). */
  parentId?: string;
  layer: Layer;
  /** For group boxes and group frames: the NodeGroup id, so the renderer can expand/collapse it. */
  groupId?: string;
  /** Number of nodes a group box or group frame stands for. */
  nodeCount?: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface LayoutEdge {
  /** Stable: the source and target boxes plus what makes the edge look different. */
  id: string;
  /** Box ids (after aggregation: a collapsed group stands in for its nodes). */
  from: string;
  to: string;
  /** The Architecture edges this line stands for (more than one when aggregated). */
  edgeIds: string[];
  kind: EdgeKind;
  tls: TlsState;
  auth: AuthState;
  protocol?: 'https' | 'http' | 'grpc' | 'unix';
  label: string;
  source: Point;
  target: Point;
  /** Which sides the line leaves and enters: vertical = bottom/top, horizontal = left/right. */
  orientation: 'vertical' | 'horizontal';
}

export interface ArchitectureLayout {
  width: number;
  height: number;
  /** Draw order: bands, frames, then everything inside them. */
  boxes: LayoutBox[];
  edges: LayoutEdge[];
  /** True when nodes are drawn per group (more nodes than `aggregateAbove`). */
  aggregated: boolean;
  nodeCount: number;
  /** Component id → id of the box that shows it (itself, its compact node, or its group). */
  boxOfComponent: Map<string, string>;
}

export interface LayoutOptions {
  /** Aggregate nodes into their NodeGroups above this many nodes. Default 300. */
  aggregateAbove?: number;
  /** Groups the user opened in the aggregated view. */
  expandedGroups?: ReadonlySet<string>;
}

/** Sizes in SVG user units. Shared with the renderer so text fits what the layout reserved. */
export const SIZES = {
  component: { width: 200, height: 56 },
  managed: { width: 380, height: 72 },
  node: { width: 264, height: 116 },
  nodePart: { width: 80, height: 50 },
  nodeHeader: 52,
  nodeCompact: { width: 184, height: 44 },
  group: { width: 300, height: 92 },
  gap: 16,
  compactGap: 10,
  framePadding: 14,
  frameTitle: 22,
  bandPaddingX: 28,
  bandTitle: 32,
  bandPaddingBottom: 16,
  bandGap: 8,
  columnGap: 56,
} as const;
