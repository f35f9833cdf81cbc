/**
 * The posture of one cluster at one moment: what every face of kube-posture shows (web pages,
 * API, CLI, snapshots, metrics). Produced by evaluatePosture() from an Inventory, so it can be
 * recomputed anywhere from a snapshot without a cluster.
 */
import type { Area, Finding, Severity } from '../checks/types';
import type { Score } from '../checks/scoring';
import type { Architecture, ManagedProvider } from '../model/architecture';
import type { CollectionIssue, CollectionStats, ClusterIdentity } from '../model/inventory';

export const POSTURE_SCHEMA_VERSION = 1;

export interface ClusterSummary extends ClusterIdentity {
  /** Server gitVersion, e.g. `v1.37.2`. */
  version?: string;
  /** True only when the control plane is provider-managed, not merely hidden from this identity. */
  managed: boolean;
  provider?: ManagedProvider;
  /** Set when control-plane pods could not be read: whether it is managed is then unknown. */
  controlPlaneHidden?: string;
}

export interface InventorySummary {
  nodes: number;
  pods: number;
  namespaces: number;
  workloads: number;
  /** Objects read per kind. */
  objects: Record<string, number>;
  /** Kinds that could not be read (forbidden, timeout…), from the collection issues. */
  unreadableKinds: string[];
}

export interface Scores {
  cluster: Score;
  byArea: Record<Area, Score>;
  byComponent: Record<string, Score>;
  bySeverity: Record<Severity, number>;
}

export interface Posture {
  schemaVersion: typeof POSTURE_SCHEMA_VERSION;
  collectedAt: string;
  cluster: ClusterSummary;
  architecture: Architecture;
  findings: Finding[];
  scores: Scores;
  issues: CollectionIssue[];
  summary: InventorySummary;
  stats: CollectionStats;
  /** Version of the check catalogue (package version + number of checks). */
  catalogVersion: string;
  /** Date of the bundled CVE feed. */
  cveFeedDate: string;
}

/**
 * A posture without its rows: what the overview's score, areas and diagram read before a
 * snapshot's findings are expanded (the diagram's statuses come from per-component tallies,
 * lib/ui/status.ts). A Posture is one.
 */
export type PostureHead = Omit<Posture, 'findings' | 'scores'> & { scores: Omit<Scores, 'byComponent'> };

export type ScanPhase = 'queued' | 'connecting' | 'collecting' | 'probing' | 'evaluating' | 'done' | 'failed';

/** Progress of a running scan, streamed as server-sent events. */
export interface ScanProgress {
  scanId: string;
  phase: ScanPhase;
  /** Kinds fully read so far, and the total to read. */
  kindsDone: number;
  kindsTotal: number;
  objectsRead: number;
  requests: number;
  /** 0–1 */
  fraction: number;
  message?: string;
}

/** One JSON error shape for every route and the CLI. */
export type ErrorCode = 'unauthorized' | 'forbidden' | 'unreachable' | 'timeout' | 'not-configured' | 'invalid-input' | 'not-found' | 'rate-limited' | 'internal';

export interface ApiError {
  error: { code: ErrorCode; message: string; details?: Record<string, unknown> };
}

export interface ScanRecord {
  id: string;
  context: string;
  status: 'running' | 'done' | 'failed';
  startedAt: string;
  finishedAt?: string;
  progress: ScanProgress;
  posture?: Posture;
  error?: ApiError['error'];
}
