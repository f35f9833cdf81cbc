/**
 * `--format sarif`: SARIF 2.1.0. Rules are the checks (title, description, remediation and
 * references as help text and Markdown); results are the findings to act on. There is no source
 * file behind a Kubernetes object, so each result is located with a logical location naming the
 * object (`Pod/kube-system/kube-apiserver-cp-1`, kind `resource`) or, without one, the
 * architecture component (`node/worker-1/kubelet`, kind `component`).
 *
 * - fail → kind `fail`, level from the severity (critical/high error, medium warning, low/info note)
 * - warn → kind `fail`, one level lower (a warn weighs half a failure in the score)
 * - unknown → kind `open`, level `none` (the check could not decide; SARIF's word for that)
 * - waived findings keep their kind and carry an accepted external suppression
 * - pass / not-applicable are left out unless `includePassing`
 */
import type { CheckMeta, Finding, Reference, Severity } from '../checks/types';
import type { Posture } from '../posture/types';
import { compareFindings, findingKey, objectKey } from './findings';
import type { SarifLevel, SarifLog, SarifLogicalLocation, SarifNotification, SarifResult, SarifRule } from './sarif-types';

export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

export interface SarifOptions {
  /** Check metadata for the rules (normally ALL_CHECKS). Checks a finding names but the list lacks get a minimal rule. */
  checks: readonly CheckMeta[];
  toolVersion: string;
  includePassing?: boolean;
}

const LEVEL: Record<Severity, SarifLevel> = { critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' };
const LOWER: Record<SarifLevel, SarifLevel> = { error: 'warning', warning: 'note', note: 'note', none: 'none' };

/** GitHub code scanning reads `security-severity` (0–10) to rank results. */
const SECURITY_SEVERITY: Record<Severity, string | undefined> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: undefined };

function referenceText(r: Reference): string {
  return r.framework === 'CIS Kubernetes' ? `CIS Kubernetes ${r.version ?? ''} ${r.id}`.replace(/\s+/g, ' ').trim() : `${r.framework} ${r.id}`;
}

function isUri(s: string | undefined): s is string {
  return typeof s === 'string' && URL.canParse(s) && /^https?:/.test(s);
}

/** Markdown special characters in plain text (check text is prose, not Markdown). */
function md(s: string): string {
  return s.replace(/([\\`*_[\]<>|])/g, '\\$1');
}

export function ruleOf(c: CheckMeta): SarifRule {
  const refs = c.references;
  const refsText = refs.map((r) => `- ${referenceText(r)}${isUri(r.url) ? `: ${r.url}` : ''}`);
  const refsMd = refs.map((r) => `- ${isUri(r.url) ? `[${md(referenceText(r))}](${r.url})` : md(referenceText(r))}`);
  const meta = `Area: ${c.area}. Severity: ${c.severity}. Evidence: ${c.tier}.`;
  const text = [c.description, '', `Remediation: ${c.remediation}`, ...(refs.length ? ['', 'References:', ...refsText] : []), '', meta].join('\n');
  const markdown = [
    `**${md(c.title)}**`,
    '',
    md(c.description),
    '',
    `**Remediation:** ${md(c.remediation)}`,
    ...(refs.length ? ['', '**References**', '', ...refsMd] : []),
    '',
    `_${md(meta)}_`,
  ].join('\n');
  const helpUri = refs.map((r) => r.url).find(isUri);
  const securitySeverity = SECURITY_SEVERITY[c.severity];
  return {
    id: c.id,
    name: c.id,
    shortDescription: { text: c.title },
    fullDescription: { text: c.description },
    help: { text, markdown },
    ...(helpUri ? { helpUri } : {}),
    defaultConfiguration: { level: LEVEL[c.severity] },
    properties: {
      tags: ['security', 'kubernetes', c.area, ...refs.map(referenceText)].filter((t, i, a) => a.indexOf(t) === i),
      ...(securitySeverity ? { 'security-severity': securitySeverity } : {}),
      severity: c.severity,
      area: c.area,
      component: c.component,
      tier: c.tier,
    },
  };
}

/** A stand-in rule for a finding whose check is not in the catalogue given (an older snapshot). */
function minimalRule(f: Finding): SarifRule {
  return {
    id: f.checkId,
    name: f.checkId,
    shortDescription: { text: f.title },
    fullDescription: { text: f.title },
    help: { text: f.title },
    defaultConfiguration: { level: LEVEL[f.severity] },
    properties: { tags: ['security', 'kubernetes', f.area], severity: f.severity, area: f.area },
  };
}

class Locations {
  readonly list: SarifLogicalLocation[] = [];
  private readonly index = new Map<string, number>();

  of(f: Finding): SarifLogicalLocation {
    const loc: SarifLogicalLocation = f.object
      ? {
          name: f.object.name,
          fullyQualifiedName: objectKey(f.object),
          kind: 'resource',
          properties: { kubernetesKind: f.object.kind, ...(f.object.namespace ? { namespace: f.object.namespace } : {}) },
        }
      : { name: f.componentId, fullyQualifiedName: f.componentId, kind: 'component' };
    let i = this.index.get(`${loc.kind}:${loc.fullyQualifiedName}`);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(loc);
      this.index.set(`${loc.kind}:${loc.fullyQualifiedName}`, i);
    }
    return { name: loc.name, fullyQualifiedName: loc.fullyQualifiedName, kind: loc.kind, index: i };
  }
}

function resultOf(f: Finding, ruleIndex: number, locations: Locations): SarifResult {
  const target = f.object ? objectKey(f.object) : f.componentId;
  const kind = f.status === 'fail' || f.status === 'warn' ? 'fail' : f.status === 'unknown' ? 'open' : f.status === 'pass' ? 'pass' : 'notApplicable';
  const level: SarifLevel = kind !== 'fail' ? 'none' : f.status === 'warn' ? LOWER[LEVEL[f.severity]] : LEVEL[f.severity];
  return {
    ruleId: f.checkId,
    ruleIndex,
    kind,
    level,
    message: { text: `${f.message} [${target}]` },
    locations: [{ logicalLocations: [locations.of(f)] }],
    partialFingerprints: { 'kubePostureFinding/v1': findingKey(f) },
    ...(f.waived ? { suppressions: [{ kind: 'external' as const, status: 'accepted' as const, justification: f.waived.reason }] } : {}),
    properties: {
      status: f.status,
      severity: f.severity,
      area: f.area,
      componentId: f.componentId,
      evidence: f.evidence,
      ...(f.waived ? { waived: f.waived } : {}),
    },
  };
}

function notifications(p: Posture): SarifNotification[] {
  return p.issues.map((i) => ({
    level: 'warning',
    message: { text: `Could not ${i.verb} ${i.kind}${i.namespace ? ` in namespace ${i.namespace}` : ''} (${i.reason}): ${i.message}` },
    properties: { kind: i.kind, verb: i.verb, reason: i.reason, ...(i.namespace ? { namespace: i.namespace } : {}) },
  }));
}

function isoOrUndefined(s: string | undefined): string | undefined {
  return s && !Number.isNaN(Date.parse(s)) ? new Date(s).toISOString() : undefined;
}

export function toSarif(p: Posture, opts: SarifOptions): SarifLog {
  const rules = opts.checks.map(ruleOf);
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const shown = p.findings
    .filter((f) => opts.includePassing || f.status === 'fail' || f.status === 'warn' || f.status === 'unknown')
    .sort(compareFindings);
  for (const f of shown) {
    if (!ruleIndex.has(f.checkId)) {
      ruleIndex.set(f.checkId, rules.length);
      rules.push(minimalRule(f));
    }
  }
  const locations = new Locations();
  const results = shown.map((f) => resultOf(f, ruleIndex.get(f.checkId) ?? -1, locations));
  const startTimeUtc = isoOrUndefined(p.stats.startedAt);
  const endTimeUtc = isoOrUndefined(p.collectedAt);
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'kube-posture',
            version: opts.toolVersion,
            ...(/^\d+\.\d+\.\d+/.test(opts.toolVersion) ? { semanticVersion: opts.toolVersion } : {}),
            rules,
          },
        },
        automationDetails: { id: `kube-posture/${p.cluster.context}/` },
        invocations: [
          {
            executionSuccessful: true,
            ...(startTimeUtc ? { startTimeUtc } : {}),
            ...(endTimeUtc ? { endTimeUtc } : {}),
            toolExecutionNotifications: notifications(p),
          },
        ],
        logicalLocations: locations.list,
        results,
        properties: {
          cluster: { context: p.cluster.context, server: p.cluster.server, version: p.cluster.version, managed: p.cluster.managed, provider: p.cluster.provider },
          score: p.scores.cluster.score,
          coverage: p.scores.cluster.coverage,
          coverageText: p.scores.cluster.coverageText,
          catalogVersion: p.catalogVersion,
          cveFeedDate: p.cveFeedDate,
        },
      },
    ],
  };
}
