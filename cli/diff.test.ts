import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Posture } from '../lib/posture/types';
import { scoresOf } from '../lib/posture/evaluate';
import { loadPosture } from './__fixtures__/index';
import { EXIT } from './errors';
import { diffPostures, exportJson, freeze } from './snapshots';
import { runCli } from './testkit';

/** `after` = `before` with one failure fixed, one pass broken, one fail turned into a warn. */
function pair(): { before: Posture; after: Posture } {
  const before = loadPosture('hardened');
  const after = loadPosture('hardened');
  const fails = after.findings.filter((f) => f.status === 'fail');
  const pass = after.findings.find((f) => f.status === 'pass');
  const [fixed, softened] = fails;
  if (!fixed || !softened || !pass) throw new Error('fixture too small');
  fixed.status = 'pass';
  softened.status = 'warn';
  pass.status = 'fail';
  after.scores = scoresOf(after.findings);
  return { before, after };
}

describe('diffPostures (interim)', () => {
  it('lists new, resolved and changed findings, and the score delta', () => {
    const { before, after } = pair();
    const d = diffPostures(before, after);
    expect(d.introduced).toHaveLength(1);
    expect(d.introduced[0]).toMatchObject({ before: 'pass', after: 'fail' });
    expect(d.resolved).toHaveLength(1);
    expect(d.resolved[0]).toMatchObject({ before: 'fail', after: 'pass' });
    expect(d.changed).toHaveLength(1);
    expect(d.changed[0]).toMatchObject({ before: 'fail', after: 'warn' });
    const open = before.findings.filter((f) => f.status === 'fail' || f.status === 'warn').length;
    expect(d.unchanged).toBe(open - 2);
    expect(d.scoreDelta).toBe((after.scores.cluster.score ?? 0) - (before.scores.cluster.score ?? 0));
  });

  it('treats a finding that disappeared or was waived as resolved', () => {
    const before = loadPosture('hardened');
    const after = loadPosture('hardened');
    const [gone, waived] = after.findings.filter((f) => f.status === 'fail');
    if (!gone || !waived) throw new Error('fixture too small');
    waived.waived = { reason: 'r', author: 'a', source: 'store' };
    after.findings = after.findings.filter((f) => f !== gone);
    const d = diffPostures(before, after);
    expect(d.resolved.map((e) => e.after).sort()).toEqual(['absent', 'waived']);
    expect(d.introduced).toHaveLength(0);
  });

  it('weak → hardened resolves every critical finding', () => {
    const d = diffPostures(loadPosture('weak'), loadPosture('hardened'));
    expect(d.resolved.filter((e) => e.finding.severity === 'critical').length).toBe(loadPosture('weak').scores.bySeverity.critical);
    expect(d.before.score).toBeLessThan(d.after.score ?? 0);
  });
});

describe('kube-posture diff', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kp-diff-'));
  const { before, after } = pair();
  const now = new Date('2026-01-01T00:00:00Z');
  writeFileSync(join(dir, 'old.json'), exportJson(freeze(before, now)));
  writeFileSync(join(dir, 'new.json'), exportJson(freeze(after, now)));
  writeFileSync(join(dir, 'bare.json'), JSON.stringify(after));
  writeFileSync(join(dir, 'junk.json'), '{"hello": 1}');
  writeFileSync(join(dir, 'broken.json'), '{');

  it('prints new, resolved and changed findings as a table', async () => {
    const r = await runCli(['diff', 'old.json', 'new.json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('New (1)');
    expect(r.stdout).toContain('Resolved (1)');
    expect(r.stdout).toContain('Changed (1)');
    expect(r.stdout).toContain('pass → fail');
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('--format json prints the diff object', async () => {
    const r = await runCli(['diff', 'old.json', 'new.json', '--format', 'json'], { cwd: dir });
    const d = JSON.parse(r.stdout) as { introduced: unknown[]; resolved: unknown[] };
    expect(d.introduced).toHaveLength(1);
    expect(d.resolved).toHaveLength(1);
  });

  it('--fail-on-new exits 1 with new findings and 0 without', async () => {
    expect((await runCli(['diff', 'old.json', 'new.json', '--fail-on-new'], { cwd: dir })).code).toBe(EXIT.findings);
    expect((await runCli(['diff', 'old.json', 'old.json', '--fail-on-new'], { cwd: dir })).code).toBe(EXIT.ok);
  });

  it('accepts a bare posture file', async () => {
    expect((await runCli(['diff', 'old.json', 'bare.json'], { cwd: dir })).stdout).toContain('New (1)');
  });

  it.each([
    [['old.json'], 'diff takes two files, OLD and NEW; got 1'],
    [['old.json', 'missing.json'], 'cannot read missing.json: ENOENT'],
    [['old.json', 'junk.json'], 'junk.json: Snapshot schema version missing is not supported'],
    [['old.json', 'broken.json'], 'broken.json: The file is not valid JSON'],
    [['old.json', 'new.json', '--format', 'sarif'], '--format must be one of table, json'],
  ])('exits 2 with one line for %j', async (args, message) => {
    const r = await runCli(['diff', ...args], { cwd: dir });
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toContain(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
