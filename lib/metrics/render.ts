/**
 * GET /metrics: the latest posture of each scanned context as Prometheus gauges. Pure: a function
 * of the map context → Posture (lib/posture/registry latestPostures()); scan statistics come from
 * each posture's own `stats`. The `cluster` label is the kubeconfig context name.
 *
 * Scores that could not be computed (nothing weighted was evaluated) are left out rather than
 * exported as NaN, so `kube_posture_score < 70` never fires on "no data".
 */
import { SEVERITIES } from '../checks/scoring';
import { AREAS, type Status } from '../checks/types';
import type { Posture } from '../posture/types';
import { renderFamilies, type MetricFamily, type Sample } from './exposition';

/** The status label of kube_posture_findings: the five result statuses, plus `waived`. */
export const FINDING_STATES: readonly (Status | 'waived')[] = ['fail', 'warn', 'pass', 'unknown', 'not-applicable', 'waived'];

/** Contexts in a stable order, so scrapes diff cleanly. */
function sorted(latest: ReadonlyMap<string, Posture>): [string, Posture][] {
  return [...latest].sort(([a], [b]) => a.localeCompare(b));
}

function scoreSamples(entries: [string, Posture][]): Sample[] {
  const out: Sample[] = [];
  for (const [cluster, p] of entries) {
    if (p.scores.cluster.score !== null) out.push({ labels: { cluster, area: 'all' }, value: p.scores.cluster.score });
    for (const area of AREAS) {
      const s = p.scores.byArea[area]?.score;
      if (s !== null && s !== undefined) out.push({ labels: { cluster, area }, value: s });
    }
  }
  return out;
}

function componentSamples(entries: [string, Posture][]): Sample[] {
  const out: Sample[] = [];
  for (const [cluster, p] of entries) {
    const types = new Map(p.architecture.components.map((c) => [c.id, c.type]));
    for (const [component, score] of Object.entries(p.scores.byComponent).sort(([a], [b]) => a.localeCompare(b))) {
      if (score.score === null) continue;
      out.push({ labels: { cluster, component, type: types.get(component) ?? 'unknown' }, value: score.score });
    }
  }
  return out;
}

function findingSamples(entries: [string, Posture][]): Sample[] {
  const out: Sample[] = [];
  for (const [cluster, p] of entries) {
    const counts = new Map<string, number>();
    for (const f of p.findings) {
      const key = `${f.severity}|${f.waived ? 'waived' : f.status}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    // Every severity × status, zeros included: a series that vanishes cannot be alerted on.
    for (const severity of SEVERITIES) {
      for (const status of FINDING_STATES) out.push({ labels: { cluster, severity, status }, value: counts.get(`${severity}|${status}`) ?? 0 });
    }
  }
  return out;
}

function perCluster(entries: [string, Posture][], value: (p: Posture) => number | undefined): Sample[] {
  return entries.flatMap(([cluster, p]) => {
    const v = value(p);
    return v === undefined || Number.isNaN(v) ? [] : [{ labels: { cluster }, value: v }];
  });
}

export function metricFamilies(latest: ReadonlyMap<string, Posture>): MetricFamily[] {
  const entries = sorted(latest);
  return [
    {
      name: 'kube_posture_score',
      help: 'Security posture score 0-100 of the latest scan, per area; area="all" is the whole cluster. Absent when nothing in the scope could be scored.',
      type: 'gauge',
      samples: scoreSamples(entries),
    },
    {
      name: 'kube_posture_component_score',
      help: 'Security posture score 0-100 of one architecture component (component id, component type) in the latest scan.',
      type: 'gauge',
      samples: componentSamples(entries),
    },
    {
      name: 'kube_posture_findings',
      help: 'Check results of the latest scan by severity and status (fail, warn, pass, unknown, not-applicable, waived). Open findings are status fail or warn.',
      type: 'gauge',
      samples: findingSamples(entries),
    },
    {
      name: 'kube_posture_checks',
      help: 'Checks of the latest scan by state: evaluated (had a pass, fail or warn) or unknown (inputs missing; not in the score).',
      type: 'gauge',
      samples: entries.flatMap(([cluster, p]) => [
        { labels: { cluster, state: 'evaluated' }, value: p.scores.cluster.checks.evaluated },
        { labels: { cluster, state: 'unknown' }, value: p.scores.cluster.checks.unknown },
      ]),
    },
    {
      name: 'kube_posture_scan_duration_seconds',
      help: 'Wall-clock duration of the latest scan (collection and probes).',
      type: 'gauge',
      samples: perCluster(entries, (p) => p.stats.durationMs / 1000),
    },
    {
      name: 'kube_posture_scan_api_requests',
      help: 'HTTP requests the latest scan made to the API server (including probes).',
      type: 'gauge',
      samples: perCluster(entries, (p) => p.stats.requests),
    },
    {
      name: 'kube_posture_last_scan_timestamp_seconds',
      help: 'Unix time at which the latest scan collected its data.',
      type: 'gauge',
      samples: perCluster(entries, (p) => Date.parse(p.collectedAt) / 1000),
    },
  ];
}

export function renderMetrics(latest: ReadonlyMap<string, Posture>): string {
  return renderFamilies(metricFamilies(latest));
}
