/**
 * What a command may touch of the outside world, passed in so tests run commands in-process with
 * captured streams and fake dependencies (no cluster, no child processes).
 */
import type { ChildProcess, SpawnOptions } from 'node:child_process';
import type { Posture } from '../lib/posture/types';
import type { ScanOptions } from '../lib/posture/scan';

export interface OutStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  /** Terminal width, when the stream is a terminal. */
  columns?: number;
}

export interface CliIO {
  stdout: OutStream;
  stderr: OutStream;
  env: Record<string, string | undefined>;
  cwd: string;
}

export type ScanFn = (opts: Pick<ScanOptions, 'context' | 'kubeconfig' | 'onProgress' | 'signal'>) => Promise<Posture>;
export type SpawnFn = (command: string, args: readonly string[], options: SpawnOptions) => ChildProcess;

export interface CliDeps {
  /** The scan engine (lib/posture/scan.ts), loaded on first use so `checks` and `diff` start fast. */
  scan: ScanFn;
  spawn: SpawnFn;
  now: () => Date;
}
