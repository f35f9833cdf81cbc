import { describe, expect, it } from 'vitest';
import { loadPosture } from './__fixtures__';
import { exportJson } from './export/json';
import { freezeSnapshot } from './freeze';
import { maxImportBytes, parseJsonSafely, parseSnapshotFile, toImportedSnapshot } from './import';
import { isSnapshotId } from './ids';

const snapshot = freezeSnapshot(loadPosture('hardened'), { now: new Date('2026-11-01T10:00:00Z'), createdBy: 'alice', label: 'baseline', expiresInDays: 3 });
const good = exportJson(snapshot);
const obj = () => JSON.parse(good) as Record<string, unknown> & { posture: Record<string, unknown> & { architecture: { components: Record<string, unknown>[] } } };

function errorOf(text: string, max?: number) {
  const r = parseSnapshotFile(text, max);
  if (r.ok) throw new Error('expected the import to fail');
  return r.error;
}

describe('parseSnapshotFile', () => {
  it('accepts an export, and a bare snapshot without `kind`', () => {
    expect(parseSnapshotFile(good)).toEqual({ ok: true, snapshot });
    expect(parseSnapshotFile(JSON.stringify(snapshot))).toEqual({ ok: true, snapshot });
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

  it('refuses other schema versions with a clear sentence', () => {
    const e = errorOf(JSON.stringify({ ...obj(), schemaVersion: 2 }));
    expect(e).toMatchObject({ kind: 'unsupported-version', message: 'Snapshot schema version 2 is not supported; this kube-posture reads version 1.' });
    expect(errorOf(JSON.stringify({ ...obj(), schemaVersion: undefined })).message).toMatch(/version missing/);
    const p = obj();
    p.posture.schemaVersion = 7;
    expect(errorOf(JSON.stringify(p)).kind).toBe('unsupported-version');
    expect(errorOf(JSON.stringify({ ...obj(), kind: 'something-else' })).kind).toBe('invalid');
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses the key %s at any depth', (key) => {
    const deep = good.replace('"facts": {', `"facts": {"${key}": {"polluted": true}, `);
    expect(deep).not.toBe(good);
    const e = errorOf(deep);
    expect(e.kind).toBe('unsafe');
    expect(e.message).toContain(key);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(errorOf(`{"${key}": 1}`).kind).toBe('unsafe');
  });

  it('refuses unknown fields, wrong types and out-of-range values, naming the path', () => {
    const extra = obj();
    (extra.posture.architecture.components[0] as Record<string, unknown>).script = 'x';
    const e = errorOf(JSON.stringify(extra));
    expect(e.kind).toBe('invalid');
    expect(e.message).toMatch(/posture\.architecture\.components\.0/);

    const wrong = obj();
    (wrong.posture.architecture.components[0] as Record<string, unknown>).layer = 'space';
    expect(errorOf(JSON.stringify(wrong)).kind).toBe('invalid');

    const score = obj();
    (score.posture as unknown as { scores: { cluster: { score: number } } }).scores.cluster.score = 1e9;
    expect(errorOf(JSON.stringify(score)).kind).toBe('invalid');

    const huge = obj();
    (huge.posture.architecture.components[0] as Record<string, unknown>).name = 'x'.repeat(5000);
    expect(errorOf(JSON.stringify(huge)).kind).toBe('invalid');

    expect(errorOf(JSON.stringify({ ...obj(), label: 'bad\u0000label' })).kind).toBe('invalid');
    expect(errorOf(JSON.stringify({ ...obj(), createdAt: 'yesterday' })).kind).toBe('invalid');
  });

  it('keeps hostile strings as text (escaping is the renderer’s job)', () => {
    const p = obj();
    p.posture.architecture.components[0] = { ...p.posture.architecture.components[0], name: '<script>alert(1)</script>' };
    const r = parseSnapshotFile(JSON.stringify(p));
    expect(r.ok && r.snapshot.posture.architecture.components[0]?.name).toBe('<script>alert(1)</script>');
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
