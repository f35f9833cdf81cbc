/**
 * `kube-posture`: the command line over lib/posture. Dispatches to a subcommand, maps errors to
 * exit codes and one line on stderr (the stack only with --debug).
 */
import { spawn } from 'node:child_process';
import { version } from '../lib/version';
import type { Command } from './command';
import { checksCommand } from './commands/checks';
import { diffCommand } from './commands/diff';
import { scanCommand } from './commands/scan';
import { serveCommand } from './commands/serve';
import { EXIT, errorLine, exitCodeOf, UsageError } from './errors';
import type { CliDeps, CliIO, ScanFn } from './io';

export const COMMANDS: readonly Command[] = [scanCommand, diffCommand, checksCommand, serveCommand];

export const HELP = `Usage: kube-posture <command> [options]

Shows a Kubernetes cluster's architecture and security posture.

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(8)} ${c.summary}`).join('\n')}

Options:
  -h, --help      show help (also: kube-posture <command> --help)
  -v, --version   print the version
  --debug         print stack traces on errors

Exit codes: 0 ok · 1 findings at/above --fail-on (or new findings with diff --fail-on-new) ·
2 usage error · 3 cluster unreachable, unauthorized, forbidden or not configured · 4 internal error
`;

/** The real scan engine, imported on first use (it loads the Kubernetes client). */
const realScan: ScanFn = async (opts) => {
  const { scan } = await import('../lib/posture/scan');
  return scan(opts);
};

export function defaultDeps(): CliDeps {
  return { scan: realScan, spawn, now: () => new Date() };
}

async function dispatch(argv: readonly string[], io: CliIO, deps: CliDeps, signal: AbortSignal): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr.write(HELP);
    return EXIT.usage;
  }
  if (first === '-h' || first === '--help') {
    io.stdout.write(HELP);
    return EXIT.ok;
  }
  if (first === 'help') {
    const cmd = COMMANDS.find((c) => c.name === rest[0]);
    io.stdout.write(cmd ? cmd.help : HELP);
    return cmd || rest[0] === undefined ? EXIT.ok : EXIT.usage;
  }
  if (first === '-v' || first === '--version') {
    io.stdout.write(`kube-posture ${version}\n`);
    return EXIT.ok;
  }
  const cmd = COMMANDS.find((c) => c.name === first);
  if (!cmd) {
    const hint = first.startsWith('-') ? 'options go after the command' : `commands: ${COMMANDS.map((c) => c.name).join(', ')}`;
    throw new UsageError(`unknown command "${first}"`, `${hint}; see kube-posture --help`);
  }
  return cmd.run(rest, io, deps, signal);
}

/** Runs one invocation and returns its exit code; never throws. */
export async function run(argv: readonly string[], io: CliIO, deps: CliDeps = defaultDeps(), signal: AbortSignal = new AbortController().signal): Promise<number> {
  try {
    return await dispatch(argv, io, deps, signal);
  } catch (e) {
    io.stderr.write(`${errorLine(e)}\n`);
    if (argv.includes('--debug') && e instanceof Error && e.stack) io.stderr.write(`${e.stack}\n`);
    return exitCodeOf(e);
  }
}

/** The process entry (bin/kube-posture): real streams, Ctrl-C aborts the scan, a second Ctrl-C exits at once. */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<never> {
  const controller = new AbortController();
  const onSignal = () => {
    if (controller.signal.aborted) process.exit(EXIT.interrupted);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  // A reader that stops early (`| head`) is not an error: drop the rest, keep the exit code.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
    });
  }
  const io: CliIO = { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
  const code = await run(argv, io, defaultDeps(), controller.signal);
  const finalCode = controller.signal.aborted && code !== EXIT.ok ? EXIT.interrupted : code;
  // Let a large report drain into a pipe before exiting (the exit code holds if the pipe is gone).
  process.exitCode = finalCode;
  if (!process.stdout.destroyed) await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
  process.exit(finalCode);
}
