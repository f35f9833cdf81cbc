/**
 * The partial-data banner: what the scan could not read (Posture.issues) and how many checks
 * stayed unknown because of it. "Partial is normal" (DESIGN.md), but the reader must see it:
 * "Your identity cannot list RoleBindings: 14 checks are unknown".
 */
import { describeIssue } from '../checks/inputs';
import type { Finding } from '../checks/types';
import type { CollectionIssue } from '../model/inventory';

export interface PartialDataLine {
  /** `Your identity cannot list RoleBindings` */
  what: string;
  /** `14 checks are unknown` / `no check depends on it` */
  impact: string;
  /** The collector's own sentence(s), with details such as "only team-a was read". */
  details: string[];
  reason: CollectionIssue['reason'];
  unknownChecks: number;
  unknownFindings: number;
}

export interface PartialData {
  /** Reads that failed (forbidden, timeout, unreachable…): the banner. */
  missing: PartialDataLine[];
  /** Reads skipped on purpose by a setting: a quiet note, not a warning. */
  skipped: PartialDataLine[];
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

export function partialData(issues: readonly CollectionIssue[], findings: readonly Finding[]): PartialData {
  // Issues that say the same thing (one per namespace, say) become one line.
  const groups = new Map<string, { issues: CollectionIssue[]; needle: string }>();
  for (const issue of issues) {
    const text = describeIssue(issue);
    const key = `${issue.reason}|${text}`;
    const g = groups.get(key);
    if (g) g.issues.push(issue);
    else groups.set(key, { issues: [issue], needle: text.toLowerCase() });
  }

  const unknown = findings.filter((f) => f.status === 'unknown' && !f.waived);
  const haystacks = unknown.map((f) => [f.message, ...f.evidence.map((e) => e.actual)].join(' ').toLowerCase());

  const out: PartialData = { missing: [], skipped: [] };
  for (const [, g] of groups) {
    const first = g.issues[0];
    if (!first) continue;
    const checks = new Set<string>();
    let count = 0;
    unknown.forEach((f, i) => {
      if (haystacks[i]?.includes(g.needle)) {
        checks.add(f.checkId);
        count++;
      }
    });
    // A namespace-scoped identity read its own namespace(s): say so, the list is partial, not empty.
    const readNamespaces = [...new Set(g.issues.flatMap((i) => i.readNamespaces ?? []))];
    const scope = readNamespaces.length ? ` in all namespaces (read only ${readNamespaces.join(', ')})` : '';
    const line: PartialDataLine = {
      what: capitalize(describeIssue(first)) + scope,
      impact: checks.size > 0 ? `${plural(checks.size, 'check is', 'checks are')} unknown` : 'no check depends on it alone',
      details: [...new Set(g.issues.map((i) => i.message).filter(Boolean))],
      reason: first.reason,
      unknownChecks: checks.size,
      unknownFindings: count,
    };
    (first.reason === 'disabled' ? out.skipped : out.missing).push(line);
  }
  // Most damaging first; ties keep the collector's order.
  out.missing.sort((a, b) => b.unknownChecks - a.unknownChecks);
  return out;
}
