import { describe, expect, it } from 'vitest';
import { loadPosture } from './__fixtures__';
import { condense } from './compact/condense';
import type { CompactPosture } from './compact/types';
import { exportJson } from './export/json';
import { toFile } from './file';
import { freezeSnapshot } from './freeze';
import { maxImportBytes, parseJsonSafely, parseSnapshotFile, toImportedSnapshot } from './import';
import { isSnapshotId } from './ids';
import { SNAPSHOT_FILE_KIND } from './types';

const snapshot = freezeSnapshot(loadPosture('hardened'), { now: new Date('2026-11-01T10:00:00Z'), createdBy: 'alice', label: 'baseline', expiresInDays: 3 });
const good = exportJson(snapshot);
const obj = () => JSON.parse(good) as Record<string, unknown> & { posture: CompactPosture & Record<string, unknown> };
const templates = (o: ReturnType<typeof obj>) => o.posture.architecture.components.templates as unknown as Record<string, unknown>[];

function errorOf(text: string, max?: number) {
  const r = parseSnapshotFile(text, max);
  if (r.ok) throw new Error('expected the import to fail');
  return r.error;
}

describe('parseSnapshotFile', () => {
  it('accepts an export, and a bare snapshot without `kind`', () => {
    expect(parseSnapshotFile(good)).toEqual({ ok: true, snapshot });
    expect(parseSnapshotFile(JSON.stringify(toFile(snapshot)))).toEqual({ ok: true, snapshot });
    expect(parseSnapshotFile(`\uFEFF${good}`).ok).toBe(true);
  });

  it('refuses oversized files before parsing', () => {
    const e = errorOf(good, 1024);
    expect(e.kind).toBe('too-large');
    expect(e.message).toMatch(/limited to/);
    expect(maxImportBytes({ KUBE_POSTURE_MAX_IMPORT_BYTES: '1000' })).toBe(1000);
    expect(maxImportBytes({ KUBE_POSTURE_MAX_IMPORT_BYTES: 'lots' })).toBe(25 * 1024 * 1024);
  });

  it('refuses malformed JSON with the parser’s reason', () => {
    expect(errorOf('{"schemaVersion": 1,').kind).toBe('malformed');
    expect(errorOf('').kind).toBe('malformed');
    expect(errorOf('[]').kind).toBe('invalid');
    expect(errorOf('"text"').kind).toBe('invalid');
  });

  it('reads version 1 files (the whole posture) and counts their passes', () => {
    const posture = loadPosture('managed');
    const v1 = { kind: SNAPSHOT_FILE_KIND, ...snapshot, schemaVersion: 1, posture };
    const r = parseSnapshotFile(JSON.stringify(v1, null, 1));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.snapshot).toEqual({ ...snapshot, schemaVersion: 2, posture: condense(posture) });
    expect(r.snapshot.posture.passCounts.length).toBeGreaterThan(0);
    // …and hold them to the version 1 schema.
    const bad = { ...v1, posture: { ...posture, findings: [{ ...posture.findings[0], status: 'great' }] } };
    expect(errorOf(JSON.stringify(bad)).message).toMatch(/schema version 1 \(posture\.findings\.0\.status/);
  });

  it('refuses other schema versions with a clear sentence', () => {
    const e = errorOf(JSON.stringify({ ...obj(), schemaVersion: 3 }));
    expect(e).toMatchObject({ kind: 'unsupported-version', message: 'Snapshot schema version 3 is not supported; this kube-posture reads versions 1 and 2.' });
    expect(errorOf(JSON.stringify({ ...obj(), schemaVersion: undefined })).message).toMatch(/version missing/);
    const p = obj();
    (p.posture as Record<string, unknown>).schemaVersion = 7;
    expect(errorOf(JSON.stringify(p)).kind).toBe('unsupported-version');
    expect(errorOf(JSON.stringify({ ...obj(), kind: 'something-else' })).kind).toBe('invalid');
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses the key %s at any depth', (key) => {
    const deep = good.replace('"facts":{', `"facts":{"${key}":{"polluted":true},`);
    expect(deep).not.toBe(good);
    const e = errorOf(deep);
    expect(e.kind).toBe('unsafe');
    expect(e.message).toContain(key);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(errorOf(`{"${key}": 1}`).kind).toBe('unsafe');
  });

  it('refuses unknown fields, wrong types and out-of-range values, naming the path', () => {
    const extra = obj();
    (templates(extra)[0] as Record<string, unknown>).script = 'x';
    const e = errorOf(JSON.stringify(extra));
    expect(e.kind).toBe('invalid');
    expect(e.message).toMatch(/posture\.architecture\.components\.templates\.0/);

    const wrong = obj();
    (templates(wrong)[0] as Record<string, unknown>).layer = 'space';
    expect(errorOf(JSON.stringify(wrong)).kind).toBe('invalid');

    const score = obj();
    score.posture.scores.cluster.score = 1e9;
    expect(errorOf(JSON.stringify(score)).kind).toBe('invalid');

    // Expanded names are held to the same limits as in a version 1 file.
    const huge = obj();
    (templates(huge)[0] as Record<string, unknown>).name = 'x'.repeat(5000);
    expect(errorOf(JSON.stringify(huge)).message).toMatch(/posture \(expanded\)\.architecture\.components\.0\.name/);

    expect(errorOf(JSON.stringify({ ...obj(), label: 'bad\u0000label' })).kind).toBe('invalid');
    expect(errorOf(JSON.stringify({ ...obj(), createdAt: 'yesterday' })).kind).toBe('invalid');
  });

  it('keeps hostile strings as text (escaping is the renderer’s job)', () => {
    const p = obj();
    const first = p.posture.architecture.components.template[0] as number;
    templates(p)[first] = { ...templates(p)[first], name: '<script>alert(1)</script>' };
    const r = parseSnapshotFile(JSON.stringify(p));
    expect(r.ok && r.snapshot.posture.architecture.components[0]?.name).toBe('<script>alert(1)</script>');
  });

  it('refuses hostile compact forms: non-integer targets, huge counts, dangling indices, prototype ids', () => {
    for (const bad of ['x', 1.5, null, 2 ** 40]) {
      const o = obj();
      (o.posture.targets.object as unknown[])[0] = bad;
      const e = errorOf(JSON.stringify(o));
      expect(e.kind).toBe('invalid');
      expect(e.message).toMatch(/posture\.targets\.object\.0/);
    }
    const group = obj();
    (group.posture.findings[0]?.targets as unknown[]).push('7');
    expect(errorOf(JSON.stringify(group)).message).toMatch(/posture\.findings\.0\.targets/);

    const huge = obj();
    huge.posture.passes.slots.count.push(1e12);
    expect(errorOf(JSON.stringify(huge)).kind).toBe('invalid');

    const dangling = obj();
    dangling.posture.targets.component[0] = 123_456;
    expect(errorOf(JSON.stringify(dangling))).toMatchObject({ kind: 'invalid', message: expect.stringMatching(/findings cannot be read: component 123456 does not exist/) });

    // A component id `__proto__` (a string, so the parser lets it through) given a score.
    const proto = obj();
    proto.posture.componentIds.push('__proto__');
    const index = proto.posture.architecture.components.template.length + proto.posture.componentIds.length - 1;
    const cols = proto.posture.scores.byComponent.component;
    cols.push(index - cols.reduce((n, x) => n + x, 0)); // delta-coded
    proto.posture.scores.byComponent.score.push(0);
    expect(errorOf(JSON.stringify(proto)).message).toMatch(/"__proto__" is not a component id/);
  });

  it('survives absurd nesting without crashing', () => {
    const nested = `{"schemaVersion":1,"posture":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    expect(['malformed', 'invalid', 'unsupported-version']).toContain(errorOf(nested).kind);
  });
});

describe('parseJsonSafely', () => {
  it('parses ordinary JSON', () => {
    expect(parseJsonSafely('{"a":[1,{"b":null}]}')).toEqual({ a: [1, { b: null }] });
  });
});

describe('toImportedSnapshot', () => {
  it('gives a fresh id, keeps creation and author, resets the expiry', () => {
    const now = new Date('2026-11-29T00:00:00Z');
    const imported = toImportedSnapshot(snapshot, { now, expiresInDays: 10 });
    expect(imported.id).not.toBe(snapshot.id);
    expect(isSnapshotId(imported.id)).toBe(true);
    expect(imported.createdAt).toBe(snapshot.createdAt);
    expect(imported.createdBy).toBe('alice');
    expect(imported.expiresAt).toBe('2026-12-09T00:00:00.000Z');
    expect(imported.label).toBe('baseline');
    expect(toImportedSnapshot(snapshot, { now, label: 'renamed' })).not.toHaveProperty('expiresAt');
    expect(toImportedSnapshot(snapshot, { now, label: 'renamed' }).label).toBe('renamed');
  });
});
