/**
 * The real `kube-posture` command (bin/kube-posture, a child process) against the real local
 * clusters started by the test command: JSON snapshots, SARIF and JUnit of real scans, --fail-on
 * exit codes, diff of two saved scans, and an unreachable API server.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { clusterFor } from '../e2e/cluster/testing';
import { parseSnapshotFile } from '../lib/snapshots/import';
import type { Snapshot } from '../lib/snapshots/types';

const ROOT = new URL('..', import.meta.url).pathname;
const BIN = join(ROOT, 'bin', 'kube-posture');
const dir = mkdtempSync(join(tmpdir(), 'kp-cli-int-'));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(...args: string[]): Run {
  // NO_COLOR and a pipe: plain output, no progress.
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 120_000, maxBuffer: 64 << 20 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function readSnapshot(file: string): Snapshot {
  const parsed = parseSnapshotFile(readFileSync(join(dir, file), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.snapshot;
}

const weak = () => clusterFor('weak').admin;
const hardened = () => clusterFor('hardened').admin;

describe('kube-posture scan (real clusters)', () => {
  beforeAll(() => {
    for (const [name, kubeconfig] of [['weak', weak()], ['hardened', hardened()]] as const) {
      const r = cli('scan', '--kubeconfig', kubeconfig, '--format', 'json', '--output', `${name}.json`);
      if (r.code !== 0) throw new Error(`scan of ${name} failed (${r.code}): ${r.stderr}`);
    }
  });

  it('--format json writes snapshot files that the dashboard import accepts', () => {
    const w = readSnapshot('weak.json');
    const h = readSnapshot('hardened.json');
    expect(w.posture.cluster.server).toBe(clusterFor('weak').server);
    expect(h.posture.cluster.server).toBe(clusterFor('hardened').server);
    expect(w.posture.findings.length).toBeGreaterThan(100);
    expect(w.posture.scores.cluster.score).toBeLessThan(h.posture.scores.cluster.score ?? 0);
    expect(w.posture.stats.requests).toBeGreaterThan(0);
  });

  it('--format json to stdout is the same format, and stderr stays empty on a pipe', () => {
    const r = cli('scan', '--kubeconfig', hardened(), '--format', 'json');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(parseSnapshotFile(r.stdout).ok).toBe(true);
  });

  it('--fail-on high exits 1 on weak and 0 on hardened', () => {
    const w = cli('scan', '--kubeconfig', weak(), '--fail-on', 'high');
    expect(w.code).toBe(1);
    expect(w.stdout).toContain('apiserver-anonymous-auth · Pod kube-system/kube-apiserver-cp-1');
    const h = cli('scan', '--kubeconfig', hardened(), '--fail-on', 'high');
    const highOpen = readSnapshot('hardened.json').posture.findings.filter((f) => !f.waived && (f.status === 'fail' || f.status === 'warn') && (f.severity === 'critical' || f.severity === 'high'));
    expect(highOpen.map((f) => `${f.checkId} ${f.componentId} ${f.status}`)).toEqual([]);
    expect(h.code).toBe(0);
  });

  it('--format sarif is valid against the bundled SARIF 2.1.0 schema', () => {
    const r = cli('scan', '--kubeconfig', weak(), '--format', 'sarif');
    expect(r.code).toBe(0);
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'schemas', 'sarif-2.1.0.json'), 'utf8')) as object);
    const log = JSON.parse(r.stdout) as { runs: { results: unknown[] }[] };
    expect(validate(log) ? 'valid' : ajv.errorsText(validate.errors)).toBe('valid');
    expect(log.runs[0]?.results.length).toBeGreaterThan(100);
  });

  it('--format junit is well-formed XML', () => {
    const r = cli('scan', '--kubeconfig', hardened(), '--format', 'junit', '--area', 'authn-authz,workloads');
    expect(r.code).toBe(0);
    expect(XMLValidator.validate(r.stdout)).toBe(true);
    expect(r.stdout).toContain('<testsuite name="authn-authz"');
    expect(r.stdout).not.toContain('<testsuite name="tls"');
  });

  it('--format html -o writes the offline report, and --snapshot stores the scan', () => {
    const data = mkdtempSync(join(tmpdir(), 'kp-cli-store-'));
    // The SQLite store, even when the suite runs with DATABASE_URL set for the PostgreSQL contract.
    const { DATABASE_URL: _pg, ...env } = process.env;
    const r = spawnSync(process.execPath, [BIN, 'scan', '--kubeconfig', hardened(), '--format', 'html', '-o', 'hardened.html', '--snapshot'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...env, KUBE_POSTURE_DATA: data },
      timeout: 120_000,
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(readFileSync(join(dir, 'hardened.html'), 'utf8')).toMatch(/^<!doctype html>/i);
    expect(existsSync(join(data, 'kube-posture.db'))).toBe(true);
  });

  it('diff lists the findings hardening resolved; --fail-on-new follows new findings', () => {
    const table = cli('diff', 'weak.json', 'hardened.json');
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/Resolved \(\d+\)/);
    expect(table.stdout).toContain('apiserver-anonymous-auth · Pod kube-system/kube-apiserver-cp-1');
    const json = JSON.parse(cli('diff', 'weak.json', 'hardened.json', '--format', 'json').stdout) as { resolved: { finding: { checkId: string; severity: string } }[]; scoreDelta: number };
    const resolved = new Set(json.resolved.map((e) => e.finding.checkId));
    for (const id of ['apiserver-anonymous-auth', 'etcd-client-tls', 'kubelet-anonymous-auth', 'rbac-anonymous-bindings']) expect(resolved.has(id), id).toBe(true);
    expect(json.scoreDelta).toBeGreaterThan(0);

    expect(cli('diff', 'hardened.json', 'hardened.json', '--fail-on-new').code).toBe(0);
    const regress = cli('diff', 'hardened.json', 'weak.json', '--fail-on-new');
    expect(regress.code).toBe(1);
    expect(regress.stdout).toMatch(/New \([1-9]\d*\)/);
  });

  it('an unreachable API server exits 3 with one line on stderr', () => {
    const kubeconfig = join(dir, 'unreachable.kubeconfig');
    writeFileSync(
      kubeconfig,
      [
        'apiVersion: v1',
        'kind: Config',
        'clusters: [{ name: nowhere, cluster: { server: "https://127.0.0.1:9", insecure-skip-tls-verify: true } }]',
        'users: [{ name: nobody, user: { token: not-a-token } }]',
        'contexts: [{ name: nowhere, context: { cluster: nowhere, user: nobody } }]',
        'current-context: nowhere',
      ].join('\n'),
    );
    const r = cli('scan', '--kubeconfig', kubeconfig, '--fail-on', 'high');
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr.endsWith('\n')).toBe(true);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^kube-posture: unreachable: .*127\.0\.0\.1:9/);
  });

  it('a context that is not in the kubeconfig exits 3 with one line', () => {
    const r = cli('scan', '--kubeconfig', weak(), '--context', 'no-such-context');
    expect(r.code).toBe(3);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
