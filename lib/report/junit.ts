/**
 * `--format junit`: JUnit XML for CI test tabs (GitLab, Jenkins, Azure DevOps, GitHub actions that
 * render JUnit). One <testsuite> per area, one <testcase> per check × target:
 *
 * - fail, warn → <failure type="<severity>"> with the evidence and the remediation
 * - unknown, not-applicable, waived → <skipped> with the reason
 * - pass → an empty testcase
 *
 * classname is `kube-posture.<area>.<check id>`, name is the target, so a CI's history follows the
 * same check on the same object from run to run.
 */
import { AREAS, AREA_TITLES, type CheckMeta, type Finding } from '../checks/types';
import type { Posture } from '../posture/types';
import { compareFindings, targetText } from './findings';
import { attrs, xmlText } from './xml';

export interface JUnitOptions {
  /** For the remediation text in failures; findings of unknown checks go without it. */
  checks?: readonly CheckMeta[];
}

function failureBody(f: Finding, remediation: string | undefined): string {
  const lines = [
    `${f.severity.toUpperCase()} ${f.status}: ${f.message}`,
    `Check: ${f.checkId} (${f.title})`,
    `Target: ${targetText(f)} · component ${f.componentId}`,
    ...f.evidence.map((e) => `Evidence: expected ${e.expected}; actual ${e.actual} (${e.source})`),
    ...(remediation ? [`Remediation: ${remediation}`] : []),
  ];
  return lines.join('\n');
}

function testcase(f: Finding, remediation: string | undefined): string {
  const head = `    <testcase${attrs({ classname: `kube-posture.${f.area}.${f.checkId}`, name: targetText(f), time: 0 })}`;
  if (f.waived) return `${head}>\n      <skipped${attrs({ message: `waived by ${f.waived.author}: ${f.waived.reason}` })}/>\n    </testcase>`;
  switch (f.status) {
    case 'fail':
    case 'warn':
      return `${head}>\n      <failure${attrs({ type: f.severity, message: `${f.status}: ${f.message}` })}>${xmlText(failureBody(f, remediation))}</failure>\n    </testcase>`;
    case 'unknown':
      return `${head}>\n      <skipped${attrs({ message: `unknown: ${f.message}` })}/>\n    </testcase>`;
    case 'not-applicable':
      return `${head}>\n      <skipped${attrs({ message: `not applicable: ${f.message}` })}/>\n    </testcase>`;
    case 'pass':
      return `${head}/>`;
  }
}

interface Tally {
  tests: number;
  failures: number;
  skipped: number;
}

function tally(findings: readonly Finding[]): Tally {
  let failures = 0;
  let skipped = 0;
  for (const f of findings) {
    if (f.waived || f.status === 'unknown' || f.status === 'not-applicable') skipped++;
    else if (f.status === 'fail' || f.status === 'warn') failures++;
  }
  return { tests: findings.length, failures, skipped };
}

export function toJUnit(p: Posture, opts: JUnitOptions = {}): string {
  const remediation = new Map((opts.checks ?? []).map((c) => [c.id, c.remediation]));
  const timestamp = Number.isNaN(Date.parse(p.collectedAt)) ? undefined : new Date(p.collectedAt).toISOString().replace(/\.\d{3}Z$/, '');
  const suites = AREAS.map((area) => ({ area, findings: p.findings.filter((f) => f.area === area).sort(compareFindings) }))
    .filter((s) => s.findings.length > 0)
    .map(({ area, findings }) => {
      const t = tally(findings);
      return [
        `  <testsuite${attrs({ name: area, tests: t.tests, failures: t.failures, errors: 0, skipped: t.skipped, time: 0, timestamp, hostname: p.cluster.context })}>`,
        `    <properties>\n      <property${attrs({ name: 'area.title', value: AREA_TITLES[area] })}/>\n      <property${attrs({ name: 'score', value: p.scores.byArea[area]?.score ?? 'n/a' })}/>\n    </properties>`,
        ...findings.map((f) => testcase(f, remediation.get(f.checkId))),
        '  </testsuite>',
      ].join('\n');
    });
  const total = tally(p.findings);
  const duration = (p.stats.durationMs / 1000).toFixed(3);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attrs({ name: `kube-posture ${p.cluster.context}`, tests: total.tests, failures: total.failures, errors: 0, skipped: total.skipped, time: duration })}>`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
