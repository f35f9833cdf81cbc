/** The checks catalogue's filters, pure. */
import type { Area, CheckMeta, Severity } from '../checks/types';

export interface ChecksQuery {
  area?: Area;
  component?: CheckMeta['component'];
  severity?: Severity;
  framework?: string;
  text?: string;
}

export function filterChecks(checks: readonly CheckMeta[], q: ChecksQuery): CheckMeta[] {
  const text = q.text?.trim().toLowerCase();
  return checks.filter(
    (c) =>
      (!q.area || c.area === q.area) &&
      (!q.component || c.component === q.component) &&
      (!q.severity || c.severity === q.severity) &&
      (!q.framework || c.references.some((r) => r.framework === q.framework)) &&
      (!text || `${c.id} ${c.title} ${c.description} ${c.references.map((r) => r.id).join(' ')}`.toLowerCase().includes(text)),
  );
}

export function catalogueOptions(checks: readonly CheckMeta[]): { components: CheckMeta['component'][]; frameworks: string[] } {
  return {
    components: [...new Set(checks.map((c) => c.component))].sort(),
    frameworks: [...new Set(checks.flatMap((c) => c.references.map((r) => r.framework)))].sort(),
  };
}
