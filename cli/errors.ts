/**
 * Exit codes and the errors that map to them. Every failure ends as one line on stderr; the stack
 * is shown only with --debug.
 */
import { isClusterError } from '../lib/k8s/errors';

export const EXIT = {
  /** Done; nothing at or above the --fail-on threshold (or no threshold given). */
  ok: 0,
  /** Findings at or above the --fail-on threshold; `diff --fail-on-new` with new findings. */
  findings: 1,
  /** Bad arguments, unreadable or invalid input files, an output file that cannot be written. */
  usage: 2,
  /** The cluster could not be scanned: unreachable, unauthorized, forbidden, no or invalid kubeconfig. */
  cluster: 3,
  /** A bug or an unexpected failure (writing the output, a crash): see --debug. */
  internal: 4,
  /** Interrupted (Ctrl-C). */
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Wrong arguments or input: exit 2, with a hint to the command's --help. */
export class UsageError extends Error {
  readonly hint?: string;
  constructor(message: string, hint?: string) {
    super(message);
    this.name = 'UsageError';
    this.hint = hint;
  }
}

export function exitCodeOf(e: unknown): ExitCode {
  if (e instanceof UsageError) return EXIT.usage;
  if (isClusterError(e)) return EXIT.cluster;
  if (e instanceof Error && e.name === 'AbortError') return EXIT.interrupted;
  return EXIT.internal;
}

/** One line: `kube-posture: <message>` (+ hint), newlines folded so it stays one line. */
export function errorLine(e: unknown): string {
  const oneLine = (s: string) => s.replace(/\s*\n\s*/g, ' ').trim();
  if (e instanceof UsageError) return `kube-posture: ${oneLine(e.message)}${e.hint ? ` (${e.hint})` : ''}`;
  if (isClusterError(e)) return `kube-posture: ${e.code}: ${oneLine(e.message)}`;
  if (e instanceof Error && e.name === 'AbortError') return 'kube-posture: interrupted';
  if (e instanceof Error) return `kube-posture: ${oneLine(e.message) || e.name} (run with --debug for details)`;
  return `kube-posture: ${oneLine(String(e))}`;
}
