/** `kube-posture scan`: one scan of one context, reported in a chosen format, with a CI exit code. */
import { AREAS, type Area } from '../../lib/checks/types';
import { ALL_CHECKS } from '../../lib/checks/catalog/index';
import { version } from '../../lib/version';
import type { Posture } from '../../lib/posture/types';
import { ANSI, PLAIN, shouldColor } from '../../lib/report/color';
import { filterByAreas } from '../../lib/report/filter';
import { isOpen, openAtOrAbove, THRESHOLDS, type Threshold } from '../../lib/report/findings';
import { toJUnit } from '../../lib/report/junit';
import { toSarif } from '../../lib/report/sarif';
import { formatTable } from '../../lib/report/table';
import { choice, listOption, parse } from '../args';
import type { Command } from '../command';
import { EXIT } from '../errors';
import type { CliDeps, CliIO } from '../io';
import { toStdout, writeReport } from '../output';
import { progressReporter } from '../progress';
import { exportHtml, exportJson, freeze, storeSnapshot, type Snapshot } from '../snapshots';

export const SCAN_FORMATS = ['table', 'json', 'sarif', 'junit', 'html'] as const;
export type ScanFormat = (typeof SCAN_FORMATS)[number];

const HELP = `Usage: kube-posture scan [options]

Scans the cluster of a kubeconfig context (read-only) and reports its security posture.

Options:
  --context NAME       kubeconfig context (default: the current context)
  --kubeconfig FILE    kubeconfig file (default: $KUBECONFIG, ~/.kube/config, in-cluster)
  --format FORMAT      table (default) | json | sarif | junit | html
                         json: the snapshot file the dashboard imports and exports
                         html: the same snapshot as one self-contained offline page
  -o, --output FILE    write the report to FILE instead of stdout
  --fail-on SEVERITY   exit 1 if an open finding (fail or warn, not waived) is at or
                       above SEVERITY: critical | high | medium | low
  --area AREA          only these areas; repeat or comma-separate:
                         ${AREAS.join(', ')}
  --snapshot           also store the scan in the dashboard's snapshot store
                       (DATABASE_URL, else KUBE_POSTURE_DATA, else .data of this checkout)
  --debug              print stack traces on errors
  -h, --help           show this help

Progress is shown on stderr when stderr is a terminal. The table is coloured when stdout is a
terminal and NO_COLOR is not set.

Exit codes: 0 nothing at/above --fail-on (or no --fail-on) · 1 findings at/above it ·
2 usage error · 3 cluster unreachable, unauthorized, forbidden or not configured · 4 internal error

Examples:
  kube-posture scan --context prod --fail-on high
  kube-posture scan --format sarif -o kube-posture.sarif
  kube-posture scan --format json -o before.json --area authn-authz,workloads
`;

export interface ScanArgs {
  context?: string;
  kubeconfig?: string;
  format: ScanFormat;
  output?: string;
  failOn?: Threshold;
  areas?: Area[];
  snapshot: boolean;
}

export function parseScanArgs(args: readonly string[]): ScanArgs | 'help' {
  const { values } = parse('scan', args, {
    context: { type: 'string' },
    kubeconfig: { type: 'string' },
    format: { type: 'string' },
    output: { type: 'string', short: 'o' },
    'fail-on': { type: 'string' },
    area: { type: 'string', multiple: true },
    snapshot: { type: 'boolean' },
  });
  if (values.help) return 'help';
  return {
    context: values.context,
    kubeconfig: values.kubeconfig,
    format: choice('scan', 'format', values.format, SCAN_FORMATS, 'table'),
    output: values.output,
    failOn: choice('scan', 'fail-on', values['fail-on'], THRESHOLDS),
    areas: listOption('scan', 'area', values.area, AREAS),
    snapshot: values.snapshot === true,
  };
}

export function render(format: ScanFormat, posture: Posture, snapshot: Snapshot, color: boolean): string {
  switch (format) {
    case 'table':
      return formatTable(posture, { palette: color ? ANSI : PLAIN });
    case 'json':
      return exportJson(snapshot);
    case 'sarif':
      return `${JSON.stringify(toSarif(posture, { checks: ALL_CHECKS, toolVersion: version }), null, 2)}\n`;
    case 'junit':
      return toJUnit(posture, { checks: ALL_CHECKS });
    case 'html':
      return exportHtml(snapshot);
  }
}

async function run(argv: readonly string[], io: CliIO, deps: CliDeps, signal: AbortSignal): Promise<number> {
  const args = parseScanArgs(argv);
  if (args === 'help') {
    io.stdout.write(HELP);
    return EXIT.ok;
  }
  const progress = progressReporter(io.stderr);
  let scanned: Posture;
  try {
    scanned = await deps.scan({ context: args.context, kubeconfig: args.kubeconfig, signal, onProgress: (p) => progress.update(p) });
  } finally {
    progress.done();
  }
  const posture = filterByAreas(scanned, args.areas);
  const snapshot = freeze(posture, deps.now());
  const color = args.format === 'table' && toStdout(args.output) && shouldColor(io.stdout.isTTY, io.env);
  writeReport(io, args.output, render(args.format, posture, snapshot, color));

  if (args.snapshot) {
    const stored = await storeSnapshot(snapshot, io.env);
    if (io.stderr.isTTY) io.stderr.write(`kube-posture: stored snapshot ${stored.id} in ${stored.where}\n`);
  }
  const open = posture.findings.filter(isOpen).length;
  if (!toStdout(args.output) && io.stderr.isTTY) {
    io.stderr.write(`kube-posture: wrote ${args.format} report to ${args.output} (score ${posture.scores.cluster.score ?? 'n/a'}, ${open} open findings)\n`);
  }
  if (args.failOn && openAtOrAbove(posture.findings, args.failOn).length > 0) return EXIT.findings;
  return EXIT.ok;
}

export const scanCommand: Command = { name: 'scan', summary: 'scan a cluster and report its security posture', help: HELP, run };
