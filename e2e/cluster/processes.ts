/**
 * Background processes of the local control plane, tracked by pid files so `down` stops exactly
 * what `up` started and nothing else.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ProcessSpec {
  /** Name shown in status and used for the pid/log file. */
  name: string;
  /** argv[0] as the process sees it (the static pod's command[0]). */
  argv0: string;
  binary: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
}

export function pidFile(stateDir: string, name: string): string {
  return join(stateDir, 'pids', `${name}.pid`);
}

export function logFile(stateDir: string, name: string): string {
  return join(stateDir, 'logs', `${name}.log`);
}

/** A minimal environment: etcd turns every ETCD_* variable into a flag and exits on duplicates. */
export function cleanEnv(): NodeJS.ProcessEnv {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/root' };
  return env as unknown as NodeJS.ProcessEnv;
}

export function startProcess(stateDir: string, spec: ProcessSpec): number {
  const out = openSync(logFile(stateDir, spec.name), 'a');
  const child = spawn(spec.binary, spec.args, {
    argv0: spec.argv0,
    detached: true,
    stdio: ['ignore', out, out],
    env: spec.env ?? cleanEnv(),
  });
  closeSync(out);
  if (child.pid === undefined) throw new Error(`could not start ${spec.name} (${spec.binary})`);
  child.unref();
  writeFileSync(pidFile(stateDir, spec.name), `${child.pid}\n`);
  return child.pid;
}

/** The pid's command line, or undefined when it is gone. */
export function cmdline(pid: number): string[] | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter((s, i, a) => s !== '' || i < a.length - 1);
  } catch {
    return undefined;
  }
}

function isZombie(pid: number): boolean {
  try {
    return /\)\s+Z\s/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

/** Alive and still the process we started (a recycled pid runs something else). */
export function isOurs(pid: number, argv0: string): boolean {
  const argv = cmdline(pid);
  return argv !== undefined && argv[0] === argv0 && !isZombie(pid);
}

export function readPid(stateDir: string, name: string): number | undefined {
  const f = pidFile(stateDir, name);
  if (!existsSync(f)) return undefined;
  const pid = Number.parseInt(readFileSync(f, 'utf8').trim(), 10);
  return Number.isFinite(pid) && pid > 0 ? pid : undefined;
}

export function trackedProcesses(stateDir: string): string[] {
  const dir = join(stateDir, 'pids');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.pid')).map((f) => f.slice(0, -4)).sort();
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** SIGTERM, then SIGKILL after a grace period; removes the pid file. Returns true if it was running. */
export async function stopProcess(stateDir: string, name: string, argv0: string, graceMs = 10_000): Promise<boolean> {
  const pid = readPid(stateDir, name);
  rmSync(pidFile(stateDir, name), { force: true });
  if (pid === undefined || !isOurs(pid, argv0)) return false;
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return false;
  }
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (!isOurs(pid, argv0)) return true;
    await sleep(100);
  }
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    /* already gone */
  }
  for (let i = 0; i < 50 && isOurs(pid, argv0); i++) await sleep(100);
  return true;
}
