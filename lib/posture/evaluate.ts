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
import type { Inventory } from '../model/inventory';
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

export function evaluatePosture(inv: Inventory): Posture {
  const architecture = buildArchitecture(inv);
  const findings = evaluateAll(inv, architecture);
  return {
    schemaVersion: POSTURE_SCHEMA_VERSION,
    collectedAt: inv.collectedAt,
    cluster: {
      ...inv.cluster,
      version: inv.version?.gitVersion,
      managed: architecture.controlPlane.managed,
      provider: architecture.controlPlane.provider,
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
