/** Test helpers: run the CLI in-process with captured streams and a fake scan engine. */
import { ClusterError } from '../lib/k8s/errors';
import type { Posture } from '../lib/posture/types';
import type { CliDeps, CliIO, OutStream, ScanFn } from './io';
import { run } from './main';

export interface Captured extends OutStream {
  text: string;
}

export function capture(isTTY = false): Captured {
  const s: Captured = {
    text: '',
    isTTY,
    columns: 100,
    write(chunk: string) {
      s.text += chunk;
      return true;
    },
  };
  return s;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  scans: Parameters<ScanFn>[0][];
}

export interface RunOptions {
  posture?: Posture;
  error?: Error;
  env?: Record<string, string | undefined>;
  cwd?: string;
  stdoutTTY?: boolean;
  stderrTTY?: boolean;
  deps?: Partial<CliDeps>;
}

export async function runCli(argv: string[], opts: RunOptions = {}): Promise<RunResult> {
  const stdout = capture(opts.stdoutTTY);
  const stderr = capture(opts.stderrTTY);
  const scans: Parameters<ScanFn>[0][] = [];
  const io: CliIO = { stdout, stderr, env: opts.env ?? {}, cwd: opts.cwd ?? process.cwd() };
  const deps: CliDeps = {
    scan: async (o) => {
      scans.push(o);
      o.onProgress?.({ phase: 'collecting', kindsDone: 3, kindsTotal: 10, objectsRead: 42, requests: 7, fraction: 0.3 });
      if (opts.error) throw opts.error;
      if (!opts.posture) throw new ClusterError('not-configured', 'no posture given to the fake scan');
      return opts.posture;
    },
    spawn: () => {
      throw new Error('spawn not expected');
    },
    now: () => new Date('2026-01-02T03:04:05.000Z'),
    ...opts.deps,
  };
  const code = await run(argv, io, deps);
  return { code, stdout: stdout.text, stderr: stderr.text, scans };
}
