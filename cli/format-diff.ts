/** `kube-posture diff --format table`: what changed between two scans, new findings first. */
import { SEVERITIES } from '../lib/checks/scoring';
import { PLAIN, type Palette } from '../lib/report/color';
import { targetText } from '../lib/report/findings';
import type { DiffEntry, PostureDiff } from './snapshots';

function entryLine(e: DiffEntry, c: Palette): string {
  const f = e.finding;
  return `  ${c.severity(f.severity, f.severity.toUpperCase().padEnd(8))} ${c.bold(f.checkId)} · ${targetText(f)}  ${c.dim(`${e.before} → ${e.after}`)}\n${' '.repeat(11)}${f.message}`;
}

function section(title: string, entries: readonly DiffEntry[], c: Palette): string[] {
  return ['', c.bold(`${title} (${entries.length})`), ...(entries.length ? entries.map((e) => entryLine(e, c)) : [c.dim('  none')])];
}

function architectureLines(d: PostureDiff, c: Palette): string[] {
  const a = d.architecture;
  const lines = [
    ...a.componentsAdded.map((x) => `  + ${x.id} (${x.type})`),
    ...a.componentsRemoved.map((x) => `  - ${x.id} (${x.type})`),
    ...a.versionsChanged.map((x) => `  ~ ${x.id}: version ${x.before ?? 'unknown'} → ${x.after ?? 'unknown'}`),
    ...a.flagsChanged.map((x) => `  ~ ${x.id}: flags ${[...Object.keys(x.added).map((k) => `+${k}`), ...Object.keys(x.removed).map((k) => `-${k}`), ...Object.keys(x.changed).map((k) => `~${k}`)].join(' ')}`),
    ...a.edgesChanged.map((x) => `  ~ ${x.from} → ${x.to}: tls ${x.tls.before} → ${x.tls.after}, auth ${x.auth.before} → ${x.auth.after}`),
    ...(a.edgesAdded.length || a.edgesRemoved.length ? [`  edges: ${a.edgesAdded.length} added, ${a.edgesRemoved.length} removed`] : []),
    ...(a.controlPlaneChanged ? [`  control plane: managed ${a.controlPlaneChanged.before.managed} → ${a.controlPlaneChanged.after.managed}`] : []),
  ];
  return lines.length ? ['', c.bold('Architecture'), ...lines] : [];
}

export function formatDiffTable(d: PostureDiff, palette: Palette = PLAIN): string {
  const c = palette;
  const score = (s: number | null) => (s === null ? 'n/a' : String(s));
  const delta = d.scoreDelta === null ? '' : ` (${d.scoreDelta > 0 ? c.good(`+${d.scoreDelta}`) : d.scoreDelta < 0 ? c.bad(String(d.scoreDelta)) : '±0'})`;
  const open = SEVERITIES.filter((s) => d.before.open[s] || d.after.open[s]).map((s) => c.severity(s, `${s} ${d.before.open[s]} → ${d.after.open[s]}`));
  return (
    [
      `${c.bold('kube-posture diff')} · ${d.before.context} (${d.before.collectedAt}) → ${d.after.context} (${d.after.collectedAt})`,
      `Score ${score(d.before.score)} → ${score(d.after.score)}${delta}`,
      `Open findings: ${open.length ? open.join(' · ') : 'none on either side'}`,
      ...section('New', d.introduced, c),
      ...section('Resolved', d.resolved, c),
      ...section('Changed', d.changed, c),
      '',
      `Unchanged open findings: ${d.unchanged}`,
      ...architectureLines(d, c),
      ...(d.notes.length ? ['', ...d.notes.map((n) => c.dim(`Note: ${n}`))] : []),
    ].join('\n') + '\n'
  );
}
