/**
 * Reads the few security signals kube-posture needs from the API server's Prometheus text:
 * feature gates and their stage, audit events, deprecated APIs in use, storage transformers.
 * Pure; tolerant of anything it does not understand.
 */
import type { ApiServerMetrics, FeatureGateState } from '../model/inventory';

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

function parseLabels(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out[m[1] as string] = (m[2] as string).replace(/\\n/g, '\n').replace(/\\"/g, '"').replace(/\\\\/g, '\\');
  }
  return out;
}

const WANTED = new Set([
  'kubernetes_feature_enabled',
  'apiserver_audit_event_total',
  'apiserver_requested_deprecated_apis',
  'apiserver_storage_transformation_operations_total',
]);

export function* samples(text: string): Generator<Sample> {
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const brace = line.indexOf('{');
    const space = line.lastIndexOf(' ');
    if (space < 0) continue;
    const name = brace >= 0 && brace < space ? line.slice(0, brace) : line.slice(0, line.indexOf(' '));
    if (!WANTED.has(name)) continue;
    const labels = brace >= 0 && brace < space ? parseLabels(line.slice(brace + 1, line.lastIndexOf('}'))) : {};
    const value = Number(line.slice(space + 1));
    if (Number.isFinite(value)) yield { name, labels, value };
  }
}

export function parseApiServerMetrics(text: string): ApiServerMetrics {
  const gates = new Map<string, FeatureGateState>();
  let audit: number | undefined;
  const deprecated: ApiServerMetrics['requestedDeprecatedApis'] = [];
  const transformers = new Set<string>();
  for (const s of samples(text)) {
    switch (s.name) {
      case 'kubernetes_feature_enabled': {
        const name = s.labels.name;
        if (name) gates.set(name, { name, stage: s.labels.stage === '' || s.labels.stage === undefined ? 'GA' : s.labels.stage, enabled: s.value === 1 });
        break;
      }
      case 'apiserver_audit_event_total':
        audit = (audit ?? 0) + s.value;
        break;
      case 'apiserver_requested_deprecated_apis':
        if (s.value === 1) {
          deprecated.push({ group: s.labels.group ?? '', version: s.labels.version ?? '', resource: s.labels.resource ?? '', removedRelease: s.labels.removed_release || undefined });
        }
        break;
      case 'apiserver_storage_transformation_operations_total':
        if (s.labels.transformer_prefix) transformers.add(s.labels.transformer_prefix);
        break;
    }
  }
  return {
    featureGates: [...gates.values()].sort((a, b) => a.name.localeCompare(b.name)),
    auditEventTotal: audit,
    requestedDeprecatedApis: deprecated,
    storageTransformers: [...transformers].sort(),
  };
}
