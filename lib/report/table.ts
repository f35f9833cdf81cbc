/**
 * `--format table`: the human report. A header with the score and its coverage, then the open
 * findings (fail and warn) grouped by component, worst component first, then what could not be
 * evaluated or read. Pure: colour comes in as a Palette, so the same function serves a terminal
 * (ANSI) and a pipe (plain text).
 */
import { SEVERITIES } from '../checks/scoring';
import type { Finding } from '../checks/types';
import type { Posture } from '../posture/types';
import { PLAIN, type Palette } from './color';
import { compareFindings, isOpen, severityRank, targetText } from './findings';

export interface TableOptions {
  palette?: Palette;
  /** Also list findings that are unknown (default: only a count per check). */
  showUnknown?: boolean;
}

interface Group {
  componentId: string;
  findings: Finding[];
}

function scoreText(score: number | null): string {
  return score === null ? 'n/a' : `${score}/100`;
}

function groupByComponent(findings: readonly Finding[]): Group[] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = groups.get(f.componentId);
    if (list) list.push(f);
    else groups.set(f.componentId, [f]);
  }
  const worst = (g: Group) => Math.min(...g.findings.map((f) => severityRank(f.severity)));
  return [...groups]
    .map(([componentId, list]) => ({ componentId, findings: list.sort(compareFindings) }))
    .sort((a, b) => worst(a) - worst(b) || b.findings.length - a.findings.length || a.componentId.localeCompare(b.componentId));
}

function header(p: Posture, c: Palette): string[] {
  const { cluster, scores } = p;
  const where = [cluster.server, cluster.version, cluster.managed ? `managed${cluster.provider ? ` (${cluster.provider})` : ''}` : undefined]
    .filter(Boolean)
    .join(' · ');
  const sev = SEVERITIES.map((s) => c.severity(s, `${scores.bySeverity[s]} ${s}`)).join(' · ');
  return [
    `${c.bold('kube-posture')} · context ${c.bold(cluster.context)}${where ? ` · ${where}` : ''}`,
    `Scanned ${p.collectedAt} · ${p.findings.length} results from ${scores.cluster.checks.total} checks`,
    `Score ${c.bold(scoreText(scores.cluster.score))} (${scores.cluster.coverageText})`,
    `Open findings: ${sev}`,
  ];
}

function findingLines(f: Finding, c: Palette): string[] {
  const sev = c.severity(f.severity, f.severity.toUpperCase().padEnd(8));
  const st = c.status(f.status, f.status.toUpperCase().padEnd(4));
  return [`  ${sev} ${st}  ${c.bold(f.checkId)} · ${targetText(f)}`, `${' '.repeat(17)}${f.message}`];
}

function groupLines(g: Group, p: Posture, c: Palette): string[] {
  const comp = p.architecture.components.find((x) => x.id === g.componentId);
  const score = p.scores.byComponent[g.componentId]?.score ?? null;
  const label = comp ? `${comp.type} · ` : '';
  return ['', `${c.bold(g.componentId)}  ${c.dim(`(${label}score ${scoreText(score)} · ${g.findings.length} open)`)}`, ...g.findings.flatMap((f) => findingLines(f, c))];
}

function unknownLines(p: Posture, c: Palette, list: boolean): string[] {
  const unknown = p.findings.filter((f) => f.status === 'unknown' && !f.waived);
  if (unknown.length === 0) return [];
  const checks = [...new Set(unknown.map((f) => f.checkId))].sort();
  const out = ['', c.bold(`Not evaluated: ${checks.length} check${checks.length === 1 ? '' : 's'} stayed unknown`) + c.dim(' (they do not count towards the score)')];
  if (list) out.push(...unknown.sort(compareFindings).map((f) => `  ${f.checkId} · ${targetText(f)}: ${f.message}`));
  else out.push(`  ${checks.join(', ')}`);
  return out;
}

function issueLines(p: Posture, c: Palette): string[] {
  if (p.issues.length === 0) return [];
  return [
    '',
    c.bold(`Could not read ${p.issues.length} thing${p.issues.length === 1 ? '' : 's'}:`),
    ...p.issues.map((i) => `  ${i.verb} ${i.kind}${i.namespace ? ` in ${i.namespace}` : ''}: ${i.reason} · ${i.message}`),
  ];
}

export function formatTable(p: Posture, opts: TableOptions = {}): string {
  const c = opts.palette ?? PLAIN;
  const open = p.findings.filter(isOpen);
  const waived = p.findings.filter((f) => f.waived).length;
  const body = open.length === 0 ? ['', c.good('No open findings.')] : groupByComponent(open).flatMap((g) => groupLines(g, p, c));
  const footer = waived > 0 ? ['', c.dim(`${waived} waived finding${waived === 1 ? '' : 's'} not shown.`)] : [];
  return [...header(p, c), ...body, ...unknownLines(p, c, opts.showUnknown === true), ...issueLines(p, c), ...footer].join('\n') + '\n';
}
