import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AREAS } from '../lib/checks/types';
import { ClusterError } from '../lib/k8s/errors';
import { parseSnapshotFile } from '../lib/snapshots/import';
import { openStore, storeConfigFromEnv } from '../lib/snapshots/store/index';
import { loadPosture } from './__fixtures__/index';
import { parseScanArgs } from './commands/scan';
import { EXIT } from './errors';
import { runCli } from './testkit';

describe('kube-posture (dispatch)', () => {
  it('prints help and the version', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: kube-posture <command>');
    for (const cmd of ['scan', 'diff', 'checks', 'serve']) expect(help.stdout).toContain(`  ${cmd}`);
    const v = await runCli(['--version']);
    expect(v.stdout).toMatch(/^kube-posture \d+\.\d+\.\d+/);
  });

  it.each(['scan', 'diff', 'checks', 'serve'])('%s --help prints its usage and exits 0 without side effects', async (cmd) => {
    const r = await runCli([cmd, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Usage: kube-posture ${cmd}`);
    expect(r.scans).toHaveLength(0);
    expect((await runCli(['help', cmd])).stdout).toContain(`Usage: kube-posture ${cmd}`);
  });

  it('exits 2 with one line for a missing or unknown command and unknown options', async () => {
    const none = await runCli([]);
    expect(none.code).toBe(EXIT.usage);
    const unknown = await runCli(['scna']);
    expect(unknown.code).toBe(EXIT.usage);
    expect(unknown.stderr).toBe('kube-posture: unknown command "scna" (commands: scan, diff, checks, serve; see kube-posture --help)\n');
    const badOpt = await runCli(['scan', '--colour']);
    expect(badOpt.code).toBe(EXIT.usage);
    expect(badOpt.stderr.trim().split('\n')).toHaveLength(1);
    expect(badOpt.stderr).toContain("unknown option '--colour'");
    expect(badOpt.scans).toHaveLength(0);
  });
});

describe('scan arguments', () => {
  it('parses every option', () => {
    expect(parseScanArgs(['--context', 'prod', '--kubeconfig', 'k', '--format', 'sarif', '-o', 'out.sarif', '--fail-on', 'high', '--area', 'tls', '--area', 'network,audit', '--snapshot'])).toEqual({
      context: 'prod',
      kubeconfig: 'k',
      format: 'sarif',
      output: 'out.sarif',
      failOn: 'high',
      areas: ['tls', 'network', 'audit'],
      snapshot: true,
    });
    expect(parseScanArgs([])).toMatchObject({ format: 'table', failOn: undefined, areas: undefined, snapshot: false });
  });

  it.each([
    [['--format', 'xml'], '--format must be one of table, json, sarif, junit, html, got "xml"'],
    [['--fail-on', 'info'], '--fail-on must be one of critical, high, medium, low, got "info"'],
    [['--area', 'tls,dns'], '--area does not accept "dns"'],
    [['--context'], "option '--context <value>' argument missing"],
    [['extra'], "unexpected argument 'extra'"],
  ])('rejects %j with exit 2 before scanning', async (args, message) => {
    const r = await runCli(['scan', ...args], { posture: loadPosture('weak') });
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toContain(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.scans).toHaveLength(0);
  });
});

describe('scan exit codes', () => {
  it('exits 0 without --fail-on, whatever it finds', async () => {
    const r = await runCli(['scan'], { posture: loadPosture('weak') });
    expect(r.code).toBe(0);
  });

  it('exits 1 when an open finding is at or above --fail-on, 0 otherwise', async () => {
    expect((await runCli(['scan', '--fail-on', 'high'], { posture: loadPosture('weak') })).code).toBe(EXIT.findings);
    expect((await runCli(['scan', '--fail-on', 'high'], { posture: loadPosture('hardened') })).code).toBe(EXIT.ok);
    expect((await runCli(['scan', '--fail-on', 'medium'], { posture: loadPosture('hardened') })).code).toBe(EXIT.findings);
  });

  it('ignores waived findings for --fail-on', async () => {
    const p = loadPosture('hardened');
    for (const f of p.findings) if (f.severity === 'medium') f.waived = { reason: 'r', author: 'a', source: 'store' };
    expect((await runCli(['scan', '--fail-on', 'medium'], { posture: p })).code).toBe(EXIT.ok);
  });

  it('applies --fail-on to the selected areas only', async () => {
    const p = loadPosture('weak');
    const openHigh = (area: string) => p.findings.some((f) => f.area === area && (f.status === 'fail' || f.status === 'warn') && (f.severity === 'critical' || f.severity === 'high'));
    const withHigh = AREAS.find(openHigh);
    const withoutHigh = AREAS.find((a) => !openHigh(a) && p.findings.some((f) => f.area === a));
    if (!withHigh || !withoutHigh) throw new Error('fixture lacks the areas this test needs');
    expect((await runCli(['scan', '--fail-on', 'high', '--area', withHigh], { posture: loadPosture('weak') })).code).toBe(EXIT.findings);
    expect((await runCli(['scan', '--fail-on', 'high', '--area', withoutHigh], { posture: loadPosture('weak') })).code).toBe(EXIT.ok);
  });

  it.each([
    ['unreachable', 'Nothing is listening at https://127.0.0.1:9 (connection refused).'],
    ['unauthorized', 'The API server rejected the credentials (401).'],
    ['forbidden', 'Your identity may not list anything.'],
    ['not-configured', 'No kubeconfig found.'],
    ['invalid-input', 'The kubeconfig x is not valid.'],
  ] as const)('exits 3 with one line for a %s cluster', async (code, message) => {
    const r = await runCli(['scan', '--fail-on', 'low'], { error: new ClusterError(code, `${message}\nsecond line`) });
    expect(r.code).toBe(EXIT.cluster);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`kube-posture: ${code}: ${message} second line\n`);
  });

  it('shows the stack only with --debug, and exits 4 on an unexpected error', async () => {
    const boom = new Error('boom');
    const quiet = await runCli(['scan'], { error: boom });
    expect(quiet.code).toBe(EXIT.internal);
    expect(quiet.stderr).toBe('kube-posture: boom (run with --debug for details)\n');
    const loud = await runCli(['scan', '--debug'], { error: boom });
    expect(loud.stderr).toContain('at ');
    expect(loud.stderr.split('\n').length).toBeGreaterThan(2);
  });
});

describe('scan output', () => {
  it('passes context and kubeconfig to the engine', async () => {
    const r = await runCli(['scan', '--context', 'prod', '--kubeconfig', '/k'], { posture: loadPosture('hardened') });
    expect(r.scans[0]).toMatchObject({ context: 'prod', kubeconfig: '/k' });
  });

  it('writes a plain table to a pipe and a coloured one to a terminal, unless NO_COLOR', async () => {
    const pipe = await runCli(['scan'], { posture: loadPosture('weak') });
    expect(pipe.stdout).toContain('Score ');
    expect(pipe.stdout).not.toContain('\u001b[');
    const tty = await runCli(['scan'], { posture: loadPosture('weak'), stdoutTTY: true });
    expect(tty.stdout).toContain('\u001b[');
    const noColor = await runCli(['scan'], { posture: loadPosture('weak'), stdoutTTY: true, env: { NO_COLOR: '1' } });
    expect(noColor.stdout).not.toContain('\u001b[');
  });

  it('shows progress on stderr only when stderr is a terminal', async () => {
    const pipe = await runCli(['scan'], { posture: loadPosture('hardened') });
    expect(pipe.stderr).toBe('');
    const tty = await runCli(['scan'], { posture: loadPosture('hardened'), stderrTTY: true });
    expect(tty.stderr).toContain('scanning  30% collecting · 3/10 kinds · 42 objects · 7 requests');
    expect(tty.stdout).not.toContain('scanning');
  });

  it('--format json writes the snapshot format the dashboard imports', async () => {
    const p = loadPosture('hardened');
    const r = await runCli(['scan', '--format', 'json'], { posture: p });
    const parsed = parseSnapshotFile(r.stdout);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.snapshot.createdAt).toBe('2026-01-02T03:04:05.000Z');
    // The hardened fixture has no passing rows about hosted objects, so nothing is counted.
    expect(parsed.snapshot.posture).toEqual({ ...p, passCounts: [] });
    expect(JSON.parse(r.stdout).kind).toBe('kube-posture/snapshot');
  });

  it('--area narrows findings and recomputes the scores', async () => {
    const p = loadPosture('weak');
    const r = await runCli(['scan', '--format', 'json', '--area', 'tls,audit'], { posture: p });
    const parsed = parseSnapshotFile(r.stdout);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const out = parsed.snapshot.posture;
    expect(new Set(out.findings.map((f) => f.area))).toEqual(new Set(['tls', 'audit']));
    expect(out.findings).toHaveLength(p.findings.filter((f) => f.area === 'tls' || f.area === 'audit').length);
    expect(out.scores.byArea.workloads.checks.total).toBe(0);
    expect(out.scores.byArea.tls).toEqual(p.scores.byArea.tls);
  });

  it('--format sarif and junit write their formats', async () => {
    const sarif = await runCli(['scan', '--format', 'sarif'], { posture: loadPosture('hardened') });
    expect(JSON.parse(sarif.stdout).version).toBe('2.1.0');
    const junit = await runCli(['scan', '--format', 'junit'], { posture: loadPosture('hardened') });
    expect(junit.stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites /);
  });

  it('--output writes the file and nothing to stdout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kp-cli-'));
    const r = await runCli(['scan', '--format', 'sarif', '--output', 'report.sarif'], { posture: loadPosture('hardened'), cwd: dir, stderrTTY: true });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(join(dir, 'report.sarif'), 'utf8')).runs).toHaveLength(1);
    expect(r.stderr).toContain('wrote sarif report to report.sarif');
    const bad = await runCli(['scan', '-o', 'missing-dir/x.json'], { posture: loadPosture('hardened'), cwd: dir });
    expect(bad.code).toBe(EXIT.usage);
    expect(bad.stderr).toBe('kube-posture: cannot write missing-dir/x.json: ENOENT\n');
    expect(existsSync(join(dir, 'missing-dir'))).toBe(false);
  });

  it('--format html writes the self-contained offline report', async () => {
    const r = await runCli(['scan', '--format', 'html'], { posture: loadPosture('hardened') });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^<!doctype html>/i);
    expect(r.stdout).toContain('http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;');
    expect(r.stdout).not.toMatch(/<(script|link|img)[^>]+(src|href)="https?:/i);
  });

  it('--snapshot stores the scan where the dashboard reads it', async () => {
    const data = mkdtempSync(join(tmpdir(), 'kp-store-'));
    const p = loadPosture('hardened');
    const r = await runCli(['scan', '--snapshot', '--format', 'json'], { posture: p, env: { KUBE_POSTURE_DATA: data }, stderrTTY: true });
    expect(r.code).toBe(0);
    const id = (JSON.parse(r.stdout) as { id: string }).id;
    expect(r.stderr).toContain(`stored snapshot ${id} in ${join(data, 'kube-posture.db')}`);
    const store = await openStore(storeConfigFromEnv({ KUBE_POSTURE_DATA: data }));
    try {
      const got = await store.get(id);
      expect(got.status).toBe('ok');
      expect((await store.list(p.cluster.context)).map((s) => s.id)).toEqual([id]);
    } finally {
      await store.close();
    }
  });
});
