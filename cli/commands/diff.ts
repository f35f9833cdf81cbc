/** `kube-posture diff OLD NEW`: compare two snapshot files (from `scan --format json` or the dashboard). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ANSI, PLAIN, shouldColor } from '../../lib/report/color';
import { choice, parse } from '../args';
import type { Command } from '../command';
import { EXIT, UsageError } from '../errors';
import { formatDiffTable } from '../format-diff';
import type { CliIO } from '../io';
import { diffPostures, readSnapshotText } from '../snapshots';

const FORMATS = ['table', 'json'] as const;

const HELP = `Usage: kube-posture diff OLD.json NEW.json [options]

Compares two scans saved with \`kube-posture scan --format json\` (or snapshots exported from the
dashboard) and lists new, resolved and changed findings. Findings are matched by check,
component and object; "open" means fail or warn and not waived.

Options:
  --format FORMAT   table (default) | json
  --fail-on-new     exit 1 when NEW has open findings that OLD did not have
  --debug           print stack traces on errors
  -h, --help        show this help

Exit codes: 0 ok · 1 new findings with --fail-on-new · 2 usage error or unreadable/invalid file
`;

function readFile(io: CliIO, file: string) {
  let text: string;
  try {
    text = readFileSync(resolve(io.cwd, file), 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  return readSnapshotText(text, file);
}

async function run(argv: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse('diff', argv, { format: { type: 'string' }, 'fail-on-new': { type: 'boolean' } }, true);
  if (values.help) {
    io.stdout.write(HELP);
    return EXIT.ok;
  }
  const format = choice('diff', 'format', values.format, FORMATS, 'table');
  if (positionals.length !== 2) throw new UsageError(`diff takes two files, OLD and NEW; got ${positionals.length}`, 'see kube-posture diff --help');
  const [oldFile, newFile] = positionals as [string, string];
  const diff = diffPostures(readFile(io, oldFile).posture, readFile(io, newFile).posture);
  io.stdout.write(format === 'json' ? `${JSON.stringify(diff, null, 2)}\n` : formatDiffTable(diff, shouldColor(io.stdout.isTTY, io.env) ? ANSI : PLAIN));
  return values['fail-on-new'] && diff.introduced.length > 0 ? EXIT.findings : EXIT.ok;
}

export const diffCommand: Command = { name: 'diff', summary: 'compare two saved scans: new, resolved and changed findings', help: HELP, run };
