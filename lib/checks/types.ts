/**
 * Check metadata and results. A check is data (metadata) plus one small pure `evaluate` function
 * over the Inventory and the Architecture. See defineCheck() and lib/checks/catalog.
 */
import type { Architecture, ComponentType, ObjectRef } from '../model/architecture';
import type { CollectionIssue, Inventory } from '../model/inventory';

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';
export type Status = 'pass' | 'fail' | 'warn' | 'unknown' | 'not-applicable';

/** The security areas (Kubernetes "Securing a Cluster"), in display order. */
export const AREAS = [
  'api-access',
  'tls',
  'authn-authz',
  'workloads',
  'resources',
  'network',
  'audit',
  'features',
  'credentials',
  'cves',
  'encryption',
  'addons',
] as const;
export type Area = (typeof AREAS)[number];

export const AREA_TITLES: Record<Area, string> = {
  'api-access': 'Access to the API, kubelet and etcd',
  tls: 'TLS on all API traffic',
  'authn-authz': 'Authentication and authorization (RBAC)',
  workloads: 'Workload and user capabilities',
  resources: 'Resource limits and quotas',
  network: 'Network access',
  audit: 'Audit logging',
  features: 'Alpha and beta features',
  credentials: 'Certificate and credential rotation',
  cves: 'Known CVEs and supported versions',
  encryption: 'Encryption at rest',
  addons: 'Add-ons and third-party integrations',
};

/** How a check gets its evidence. */
export type EvidenceTier = 'api' | 'api+probe' | 'probe' | 'needs-node-agent';

export interface Reference {
  framework: 'CIS Kubernetes' | 'Kubescape' | 'Trivy' | 'Polaris' | 'NSA-CISA' | 'Kubernetes docs' | 'CVE' | string;
  /** Benchmark version where ids move between versions (CIS). */
  version?: string;
  id: string;
  url?: string;
}

export interface Evidence {
  expected: string;
  actual: string;
  /** Where it was read: object + field path, flag, probe. e.g. `Pod kube-system/kube-apiserver-cp-1 · --anonymous-auth`. */
  source: string;
}

export interface CheckResult {
  /** The component the finding belongs to (Architecture component id). */
  componentId: string;
  /** The object the finding is about, where there is one. */
  object?: ObjectRef;
  status: Status;
  /** One sentence: what is wrong or right for this target. */
  message: string;
  evidence: Evidence[];
}

export interface CheckContext {
  inv: Inventory;
  arch: Architecture;
  /**
   * The check being evaluated, set by the runner: lets the per-workload loop build each Finding
   * at once instead of a CheckResult the runner copies (one result per workload and check).
   */
  check?: CheckMeta;
}

export interface CheckMeta {
  /** Stable id; also the file name under lib/checks/catalog. */
  id: string;
  title: string;
  description: string;
  /** The type of component the check is about (its results attach to components of this type). */
  component: ComponentType | 'workload' | 'namespace' | 'rbac';
  area: Area;
  severity: Severity;
  tier: EvidenceTier;
  references: Reference[];
  remediation: string;
  /** Namespaces skipped by default (visible in the UI and the catalogue, never silent). */
  defaultExemptNamespaces?: string[];
}

export interface CheckDefinition extends CheckMeta {
  evaluate(ctx: CheckContext): CheckResult[];
}

export function defineCheck(def: CheckDefinition): CheckDefinition {
  return def;
}

/** A finding = one check result, with the check's metadata that a reader needs next to it. */
export interface Finding extends CheckResult {
  checkId: string;
  title: string;
  area: Area;
  severity: Severity;
  /** Set when a waiver accepted this finding. */
  waived?: { reason: string; author: string; expiresAt?: string; source: 'store' | 'annotation' };
  /**
   * Display-only summary rows (a snapshot's counted passes, lib/snapshots/compact/condense.ts):
   * how many results this one row stands for. Never set on a scan's findings.
   */
  represents?: number;
}

export type { CollectionIssue };
