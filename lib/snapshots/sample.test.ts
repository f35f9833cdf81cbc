/**
 * The bundled sample (public/sample/, made by `npm run sample:refresh` from the weak local
 * cluster) is what new users see first: it must stay importable, labelled, and secret-free.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_MARKERS } from '../../e2e/cluster/markers';
import { ALL_CHECKS } from '../checks/catalog/index';
import { parseSnapshotFile } from './import';

const dir = join(import.meta.dirname, '..', '..', 'public', 'sample');

describe('the bundled sample snapshot', () => {
  const text = readFileSync(join(dir, 'snapshot.json'), 'utf8');
  it('passes the strict import and is labelled as a sample', () => {
    const r = parseSnapshotFile(text);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.snapshot.label).toMatch(/^Sample/);
  });
  it('was made with every check of this version (refresh it with npm run sample:refresh)', () => {
    const r = parseSnapshotFile(text);
    const ids = new Set(r.ok ? [...r.snapshot.posture.findings, ...r.snapshot.posture.passCounts].map((f) => f.checkId) : []);
    const missing = ALL_CHECKS.map((c) => c.id).filter((id) => !ids.has(id));
    expect(missing).toEqual([]);
  });
  it.each(['snapshot.json', 'snapshot.html', 'findings.csv'])('%s contains no planted secret', (file) => {
    const content = readFileSync(join(dir, file), 'utf8');
    for (const m of ALL_MARKERS) expect(content).not.toContain(m);
  });
});
