/**
 * Findings as CSV (RFC 4180: comma-separated, CRLF line ends, fields with `"`, `,`, CR or LF in
 * double quotes with quotes doubled). Spreadsheet formula injection is defused: a cell starting
 * with `=`, `+`, `-`, `@`, tab or CR is prefixed with `'`, so `=HYPERLINK(…)` in an object name
 * stays text (OWASP "CSV Injection").
 *
 * Rows: every finding the snapshot lists (`count` 1), then one row per check, component and
 * object kind for the passes it counts instead of listing (compact/condense.ts): status `pass`,
 * `object` the kind only, `count` how many passed. Summing `count` per status gives the
 * snapshot's counts.
 */
import type { Finding } from '../../checks/types';
import { refString } from '../../waivers/ref';
import { NOT_LISTED, pluralKind } from '../compact/condense';
import type { PassCount, Snapshot } from '../types';

export const CSV_COLUMNS = [
  'check_id',
  'title',
  'area',
  'severity',
  'status',
  'waived',
  'waiver_reason',
  'waiver_expires_at',
  'component_id',
  'object',
  'message',
  'expected',
  'actual',
  'source',
  'count',
] as const;

export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function row(f: Finding): string[] {
  const ev = (key: 'expected' | 'actual' | 'source') => f.evidence.map((e) => e[key]).join('\n');
  return [
    f.checkId,
    f.title,
    f.area,
    f.severity,
    f.status,
    f.waived ? 'yes' : 'no',
    f.waived?.reason ?? '',
    f.waived?.expiresAt ?? '',
    f.componentId,
    f.object ? refString(f.object) : '',
    f.message,
    ev('expected'),
    ev('actual'),
    ev('source'),
    '1',
  ];
}

function countedRow(p: PassCount): string[] {
  const what = `${p.count} ${pluralKind(p.kind, p.count)}`;
  return [p.checkId, p.title, p.area, p.severity, 'pass', 'no', '', '', p.componentId, p.kind, `${what} passed — ${NOT_LISTED}.`, '', '', '', String(p.count)];
}

export function exportCsv(snapshot: Snapshot): string {
  const lines = [
    CSV_COLUMNS.join(','),
    ...snapshot.posture.findings.map((f) => row(f).map(csvCell).join(',')),
    ...snapshot.posture.passCounts.map((p) => countedRow(p).map(csvCell).join(',')),
  ];
  return `${lines.join('\r\n')}\r\n`;
}
