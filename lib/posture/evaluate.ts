/**
 * Inventory → Posture: the pure heart of kube-posture. Architecture, findings, scores and the
 * summary are all derived here, so a snapshot can be re-rendered without a cluster.
 */
import { ALL_CHECKS } from '../checks/catalog/index';
import { CVE_FEED } from '../checks/cve/match';
import { evaluateAll } from '../checks/runner';
import { countsBySeverity, scoreByArea, scoreByComponent, scoreCluster } from '../checks/scoring';
import type { Finding } from '../checks/types';
import { buildArchitecture } from '../model/build-architecture';
import { podVisibilityNote } from '../model/build/provider';
import type { Inventory } from '../model/inventory';
import { annotationWaivers } from '../waivers/annotations';
import { applyWaivers } from '../waivers/apply';
import type { Waiver } from '../waivers/types';
import { version as PACKAGE_VERSION } from '../version';
import { POSTURE_SCHEMA_VERSION, type InventorySummary, type Posture, type Scores } from './types';

export const CATALOG_VERSION = `${PACKAGE_VERSION}+${ALL_CHECKS.length}`;

export function summarize(inv: Inventory): InventorySummary {
  const unreadable = new Set(inv.issues.filter((i) => i.verb === 'list' || i.verb === 'get').map((i) => i.kind));
  return {
    nodes: inv.nodes.length,
    pods: inv.pods.length,
    namespaces: inv.namespaces.length,
    workloads: inv.workloads.length,
    objects: { ...inv.stats.objects },
    unreadableKinds: [...unreadable].sort(),
  };
}

export function scoresOf(findings: readonly Finding[]): Scores {
  return {
    cluster: scoreCluster(findings),
    byArea: scoreByArea(findings),
    byComponent: scoreByComponent(findings),
    bySeverity: countsBySeverity(findings),
  };
}

export interface EvaluateOptions {
  /** Stored waivers (any context; only this cluster's apply). */
  waivers?: readonly Waiver[];
  /** When waivers are judged expired; default: the collection time. */
  now?: Date;
}

export function evaluatePosture(inv: Inventory, opts: EvaluateOptions = {}): Posture {
  const architecture = buildArchitecture(inv);
  const stored = (opts.waivers ?? []).filter((w) => w.context === inv.cluster.context);
  // Accepted risks (stored, or `kube-posture.io/waive-<check>` annotations) stop counting against the score.
  const findings = applyWaivers(evaluateAll(inv, architecture), [...stored, ...annotationWaivers(inv)], opts.now ?? new Date(inv.collectedAt));
  // No apiserver pod visible because pods could not be read is not evidence of a managed cluster.
  const hidden = architecture.controlPlane.managed ? podVisibilityNote(inv) : undefined;
  return {
    schemaVersion: POSTURE_SCHEMA_VERSION,
    collectedAt: inv.collectedAt,
    cluster: {
      ...inv.cluster,
      version: inv.version?.gitVersion,
      managed: architecture.controlPlane.managed && hidden === undefined,
      provider: hidden === undefined ? architecture.controlPlane.provider : undefined,
      ...(hidden ? { controlPlaneHidden: hidden } : {}),
    },
    architecture,
    findings,
    scores: scoresOf(findings),
    issues: inv.issues,
    summary: summarize(inv),
    stats: inv.stats,
    catalogVersion: CATALOG_VERSION,
    cveFeedDate: CVE_FEED.feedDate,
  };
}
