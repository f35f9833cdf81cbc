/** `kube-posture checks`: the catalogue as a terminal table or JSON (Markdown is lib/checks/docs.ts). */
import type { CheckMeta } from '../checks/types';
import { PLAIN, type Palette } from './color';
import { severityRank } from './findings';

/** Metadata only: what /api/checks serves too (the evaluate function stays behind). */
export function checkMetadata<C extends CheckMeta>(checks: readonly C[]): CheckMeta[] {
  return checks.map((c) => ({
    id: c.id,
    title: c.title,
    description: c.description,
    component: c.component,
    area: c.area,
    severity: c.severity,
    tier: c.tier,
    references: c.references,
    remediation: c.remediation,
    ...(c.defaultExemptNamespaces ? { defaultExemptNamespaces: c.defaultExemptNamespaces } : {}),
  }));
}

/** One line per check, grouped by area in catalogue order, most severe first within an area. */
export function formatChecksTable(checks: readonly CheckMeta[], palette: Palette = PLAIN): string {
  const c = palette;
  const idWidth = Math.max(...checks.map((x) => x.id.length), 2);
  const areas = [...new Set(checks.map((x) => x.area))];
  const lines = [`${checks.length} checks`];
  for (const area of areas) {
    const list = checks.filter((x) => x.area === area).sort((a, b) => severityRank(a.severity) - severityRank(b.severity) || a.id.localeCompare(b.id));
    lines.push('', c.bold(`${area} (${list.length})`));
    for (const x of list) lines.push(`  ${c.severity(x.severity, x.severity.padEnd(8))} ${x.id.padEnd(idWidth)}  ${x.title} ${c.dim(`[${x.tier}]`)}`);
  }
  return lines.join('\n') + '\n';
}
