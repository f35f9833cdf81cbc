/**
 * The planted markers of the local clusters (e2e/cluster/markers.ts: a Secret value, an env var
 * value, a ConfigMap value, a sensitive flag) must never reach a snapshot or an export. The
 * fixtures are real postures of those clusters; the full ones under /tmp/kp are checked too when
 * present (they are made by evaluating the running clusters).
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ALL_MARKERS } from '../../e2e/cluster/markers';
import type { Posture } from '../posture/types';
import { loadPosture, type FixtureName } from './__fixtures__';
import { exportCsv } from './export/csv';
import { exportHtml } from './export/html';
import { exportJson } from './export/json';
import { freezeSnapshot } from './freeze';

const PREFIX = 'KP-MARKER';
const NAMES: FixtureName[] = ['weak', 'hardened', 'managed'];

function postures(): [string, Posture][] {
  const out: [string, Posture][] = NAMES.map((n) => [`fixture ${n}`, loadPosture(n)]);
  for (const n of NAMES) {
    const file = `/tmp/kp/posture-${n}.json`;
    if (existsSync(file)) out.push([file, JSON.parse(readFileSync(file, 'utf8')) as Posture]);
  }
  return out;
}

describe('planted markers never reach snapshots or exports', () => {
  it('the markers all share the prefix searched for', () => {
    for (const m of ALL_MARKERS) expect(m.startsWith(PREFIX)).toBe(true);
  });

  it.each(postures())('%s', (_name, posture) => {
    expect(JSON.stringify(posture)).not.toContain(PREFIX);
    for (const anonymize of [false, true]) {
      const s = freezeSnapshot(posture, { now: new Date(), createdBy: 'alice', anonymize });
      for (const out of [exportJson(s), exportCsv(s), exportHtml(s)]) expect(out.includes(PREFIX)).toBe(false);
    }
  });
});
