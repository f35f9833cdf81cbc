import type { CliDeps, CliIO } from './io';

/** One `kube-posture <name>` subcommand. `run` returns the exit code; errors it throws are mapped by main. */
export interface Command {
  name: string;
  summary: string;
  help: string;
  run(args: readonly string[], io: CliIO, deps: CliDeps, signal: AbortSignal): Promise<number>;
}
