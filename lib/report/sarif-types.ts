/**
 * The subset of SARIF 2.1.0 objects kube-posture writes. Field names and nesting follow the OASIS
 * schema bundled in schemas/sarif-2.1.0.json, which the unit tests validate every log against.
 */
export type SarifLevel = 'none' | 'note' | 'warning' | 'error';
export type SarifKind = 'notApplicable' | 'pass' | 'fail' | 'review' | 'open' | 'informational';

export interface SarifMessage {
  text: string;
  markdown?: string;
}

export interface SarifLogicalLocation {
  name: string;
  fullyQualifiedName: string;
  kind: string;
  index?: number;
  properties?: Record<string, unknown>;
}

export interface SarifRule {
  id: string;
  name: string;
  shortDescription: SarifMessage;
  fullDescription: SarifMessage;
  help: SarifMessage;
  helpUri?: string;
  defaultConfiguration: { level: SarifLevel };
  properties: Record<string, unknown> & { tags: string[] };
}

export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  kind: SarifKind;
  level: SarifLevel;
  message: SarifMessage;
  locations: { logicalLocations: SarifLogicalLocation[] }[];
  partialFingerprints: Record<string, string>;
  suppressions?: { kind: 'external'; status: 'accepted'; justification: string }[];
  properties: Record<string, unknown>;
}

export interface SarifNotification {
  level: SarifLevel;
  message: SarifMessage;
  properties?: Record<string, unknown>;
}

export interface SarifRun {
  tool: { driver: { name: string; version: string; semanticVersion?: string; rules: SarifRule[] } };
  automationDetails: { id: string };
  invocations: { executionSuccessful: boolean; startTimeUtc?: string; endTimeUtc?: string; toolExecutionNotifications: SarifNotification[] }[];
  logicalLocations: SarifLogicalLocation[];
  results: SarifResult[];
  properties: Record<string, unknown>;
}

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: SarifRun[];
}
