import { EventEmitter } from 'node:events';
import type { ChildProcess } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../lib/checks/catalog/index';
import { START_SCRIPT } from './commands/serve';
import { EXIT } from './errors';
import type { SpawnFn } from './io';
import { runCli } from './testkit';

describe('kube-posture checks', () => {
  it('lists every check in a table', async () => {
    const r = await runCli(['checks']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(`${ALL_CHECKS.length} checks`);
    for (const c of ALL_CHECKS) expect(r.stdout).toContain(` ${c.id} `);
  });

  it('--format json is the metadata, without the evaluate functions', async () => {
    const r = await runCli(['checks', '--format', 'json']);
    const body = JSON.parse(r.stdout) as { catalogVersion: string; checks: Record<string, unknown>[] };
    expect(body.checks).toHaveLength(ALL_CHECKS.length);
    expect(body.checks[0]).toHaveProperty('remediation');
    expect(body.checks[0]).not.toHaveProperty('evaluate');
  });

  it('--format markdown is the catalogue page, and --area filters', async () => {
    const md = await runCli(['checks', '--format', 'markdown', '--area', 'tls']);
    expect(md.stdout).toMatch(/^# /);
    const tls = ALL_CHECKS.filter((c) => c.area === 'tls');
    const json = JSON.parse((await runCli(['checks', '--format', 'json', '--area', 'tls'])).stdout) as { checks: unknown[] };
    expect(json.checks).toHaveLength(tls.length);
  });
});

function fakeSpawn(exit: { code: number | null; signal: NodeJS.Signals | null }) {
  const calls: { command: string; args: readonly string[]; env: Record<string, string | undefined> }[] = [];
  const spawn: SpawnFn = (command, args, options) => {
    calls.push({ command, args, env: options.env as Record<string, string | undefined> });
    const child = new EventEmitter() as unknown as ChildProcess;
    Object.assign(child, { exitCode: null, signalCode: null, kill: () => true });
    setTimeout(() => child.emit('exit', exit.code, exit.signal), 1);
    return child;
  };
  return { spawn, calls };
}

describe('kube-posture serve', () => {
  it('runs scripts/start.mjs with PORT and KUBE_POSTURE_HOST, and exits as it does', async () => {
    const fake = fakeSpawn({ code: 0, signal: null });
    const r = await runCli(['serve', '--port', '4000', '--host', '0.0.0.0'], { deps: { spawn: fake.spawn }, env: { KEEP: 'me' } });
    expect(r.code).toBe(0);
    expect(fake.calls[0]?.command).toBe(process.execPath);
    expect(fake.calls[0]?.args).toEqual([START_SCRIPT]);
    expect(fake.calls[0]?.env).toMatchObject({ PORT: '4000', KUBE_POSTURE_HOST: '0.0.0.0', KEEP: 'me' });
    const failed = fakeSpawn({ code: 7, signal: null });
    expect((await runCli(['serve'], { deps: { spawn: failed.spawn } })).code).toBe(7);
    expect(failed.calls[0]?.env).not.toHaveProperty('PORT');
  });

  it.each([['--port', '0'], ['--port', '70000'], ['--port', 'http'], ['--host', 'a b']])('rejects %s %s with exit 2', async (opt, value) => {
    const fake = fakeSpawn({ code: 0, signal: null });
    const r = await runCli(['serve', opt, value], { deps: { spawn: fake.spawn } });
    expect(r.code).toBe(EXIT.usage);
    expect(fake.calls).toHaveLength(0);
  });
});
