/** Writing a report: stdout, or a file written whole (temp file + rename) so a reader never sees half a report. */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from './errors';
import type { CliIO } from './io';

/** True when the report goes to stdout (`--output` absent or `-`). */
export function toStdout(output: string | undefined): boolean {
  return output === undefined || output === '-';
}

export function writeReport(io: CliIO, output: string | undefined, text: string): void {
  if (toStdout(output)) {
    io.stdout.write(text);
    return;
  }
  const file = resolve(io.cwd, output as string);
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new UsageError(`cannot write ${output}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}
