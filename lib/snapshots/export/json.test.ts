import { describe, expect, it } from 'vitest';
import { loadPosture } from '../__fixtures__';
import { freezeSnapshot } from '../freeze';
import { parseSnapshotFile } from '../import';
import { exportJson } from './json';

describe('exportJson', () => {
  it('writes a file import reads back to the same snapshot', () => {
    const s = freezeSnapshot(loadPosture('managed'), { now: new Date(), createdBy: 'alice', label: 'q3', expiresInDays: 7 });
    const text = exportJson(s);
    expect(text.startsWith('{"kind":"kube-posture/snapshot","schemaVersion":2,')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    expect(parseSnapshotFile(text)).toEqual({ ok: true, snapshot: s });
  });
});
