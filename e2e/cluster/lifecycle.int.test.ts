/**
 * The harness's own promises, on the managed profile (it ends running again, as it started):
 * `down` leaves no process behind, `up` is idempotent, a crashed state is detected and cleaned,
 * and a busy port is reported clearly.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { status } from './cluster.ts';
import { cmdline, readPid } from './processes.ts';
import { portsFor } from './profiles.ts';
import { REPO_ROOT } from './repo.ts';

const cli = (...args: string[]) => spawnSync(process.execPath, [join(REPO_ROOT, 'e2e/cluster/cli.ts'), ...args], { encoding: 'utf8', timeout: 600_000 });
/** Processes started from this checkout's managed state directory (another checkout may run its own). */
const ours = () => {
  const dir = `${status('managed').stateDir}/`;
  return execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).split('\n').filter((l) => l.includes(dir));
};

describe('cluster lifecycle (managed profile)', () => {
  it('up is idempotent: a second up keeps the same processes', () => {
    const before = status('managed').processes.map((p) => p.pid);
    expect(before.every((p) => p !== undefined)).toBe(true);
    const r = cli('up', '--profile', 'managed');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/already running/);
    expect(status('managed').processes.map((p) => p.pid)).toEqual(before);
  });

  it('down stops every process it started and leaves none behind', () => {
    const r = cli('down', '--profile', 'managed');
    expect(r.status, r.stderr).toBe(0);
    expect(status('managed').processes.every((p) => !p.running)).toBe(true);
    expect(ours()).toEqual([]);
  });

  it('a port in use is reported clearly and nothing is started', async () => {
    const port = portsFor('managed').apiserver;
    const server: Server = await new Promise((resolve) => {
      const s = createServer().listen(port, '127.0.0.1', () => resolve(s));
    });
    try {
      const r = cli('up', '--profile', 'managed');
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`port ${port} \\(apiserver of profile managed\\) is already in use`));
      expect(ours()).toEqual([]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('a crashed control plane is detected, cleaned and started again', () => {
    const up1 = cli('up', '--profile', 'managed');
    expect(up1.status, up1.stderr).toBe(0);
    const stateDir = status('managed').stateDir;
    const apiserver = readPid(stateDir, 'kube-apiserver') as number;
    process.kill(apiserver, 'SIGKILL');
    for (let i = 0; i < 50 && cmdline(apiserver)?.[0] === 'kube-apiserver'; i++) execFileSync('sleep', ['0.1']);
    const up2 = cli('up', '--profile', 'managed');
    expect(up2.status, up2.stderr).toBe(0);
    expect(up2.stderr).toMatch(/stale state directory/);
    expect(status('managed').processes.every((p) => p.running)).toBe(true);
  });
});
