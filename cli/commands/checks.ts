/** `kube-posture checks`: the checks catalogue, without a cluster. */
import { ALL_CHECKS } from '../../lib/checks/catalog/index';
import { CVE_FEED } from '../../lib/checks/cve/match';
import { checksMarkdown } from '../../lib/checks/docs';
import { AREAS } from '../../lib/checks/types';
import { CATALOG_VERSION } from '../../lib/posture/evaluate';
import { checkMetadata, formatChecksTable } from '../../lib/report/checks';
import { ANSI, PLAIN, shouldColor } from '../../lib/report/color';
import { inAreas } from '../../lib/report/findings';
import { choice, listOption, parse } from '../args';
import type { Command } from '../command';
import { EXIT } from '../errors';
import type { CliIO } from '../io';

const FORMATS = ['table', 'json', 'markdown'] as const;

const HELP = `Usage: kube-posture checks [options]

Lists the checks kube-posture runs, with severity, area and evidence tier. No cluster needed.

Options:
  --format FORMAT   table (default) | json | markdown
  --area AREA       only these areas; repeat or comma-separate
  --debug           print stack traces on errors
  -h, --help        show this help
`;

async function run(argv: readonly string[], io: CliIO): Promise<number> {
  const { values } = parse('checks', argv, { format: { type: 'string' }, area: { type: 'string', multiple: true } });
  if (values.help) {
    io.stdout.write(HELP);
    return EXIT.ok;
  }
  const format = choice('checks', 'format', values.format, FORMATS, 'table');
  const keep = inAreas(listOption('checks', 'area', values.area, AREAS));
  const checks = ALL_CHECKS.filter(keep);
  if (format === 'json') {
    io.stdout.write(`${JSON.stringify({ catalogVersion: CATALOG_VERSION, cveFeedDate: CVE_FEED.feedDate, checks: checkMetadata(checks) }, null, 2)}\n`);
  } else if (format === 'markdown') {
    io.stdout.write(checksMarkdown(checks, { cveFeedDate: CVE_FEED.feedDate }));
  } else {
    io.stdout.write(formatChecksTable(checks, shouldColor(io.stdout.isTTY, io.env) ? ANSI : PLAIN));
  }
  return EXIT.ok;
}

export const checksCommand: Command = { name: 'checks', summary: 'list the checks catalogue', help: HELP, run };
