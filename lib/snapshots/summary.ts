import type { Snapshot, SnapshotSummary } from './types';

/** The history-chart row of a snapshot. */
export function summaryOf(s: Snapshot): SnapshotSummary {
  return {
    id: s.id,
    createdAt: s.createdAt,
    createdBy: s.createdBy,
    ...(s.expiresAt ? { expiresAt: s.expiresAt } : {}),
    anonymized: s.anonymized,
    ...(s.label ? { label: s.label } : {}),
    score: s.posture.scores.cluster.score,
    counts: s.posture.scores.cluster.counts,
    bySeverity: s.posture.scores.bySeverity,
  };
}
