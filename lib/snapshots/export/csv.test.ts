import { describe, expect, it } from 'vitest';
import { loadPosture } from '../__fixtures__';
import { freezeSnapshot } from '../freeze';
import { csvCell, CSV_COLUMNS, exportCsv } from './csv';

/** A small RFC 4180 reader, to check what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}

describe('csvCell', () => {
  it('quotes per RFC 4180', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('defuses formulas', () => {
    for (const evil of ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\tx', '\rx']) expect(csvCell(evil).replace(/^"/, '').startsWith("'")).toBe(true);
    expect(csvCell('--anonymous-auth=true')).toBe("'--anonymous-auth=true");
    expect(csvCell('a=b')).toBe('a=b');
  });
});

describe('exportCsv', () => {
  const snapshot = freezeSnapshot(loadPosture('weak'), { now: new Date(), createdBy: 'alice' });
  const first = snapshot.posture.findings[0];
  if (first) first.message = '=cmd|\' /C calc\'!A0, with "quotes"\nand a new line';
  const rows = parseCsv(exportCsv(snapshot));

  it('has a header and one row per finding, every row complete', () => {
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(snapshot.posture.findings.length + 1);
    for (const r of rows) expect(r).toHaveLength(CSV_COLUMNS.length);
    expect(new Set(rows.slice(1).map((r) => r[14]))).toEqual(new Set(['1']));
  });

  it('adds one row per counted pass; counts per status add up to the snapshot’s', () => {
    const posture = loadPosture('weak');
    const hosted = posture.findings.filter((f) => f.status === 'fail' && f.object?.kind === 'Deployment');
    // The same checks passing on three more Deployments each: counted, not listed.
    const passes = hosted.flatMap((f) => [1, 2, 3].map((i) => ({ ...f, status: 'pass' as const, object: { ...f.object, kind: 'Deployment', name: `ok-${i}` } })));
    const s = freezeSnapshot({ ...posture, findings: [...posture.findings, ...passes] }, { now: new Date(), createdBy: 'alice' });
    expect(s.posture.passCounts.length).toBeGreaterThan(0);
    const out = parseCsv(exportCsv(s)).slice(1);
    expect(out).toHaveLength(s.posture.findings.length + s.posture.passCounts.length);
    const counted = out.filter((r) => r[9] === 'Deployment');
    expect(counted.reduce((n, r) => n + Number(r[14]), 0)).toBe(passes.length);
    expect(counted[0]?.[10]).toMatch(/^\d+ Deployments? passed — not listed in snapshots\.$/);
    const byStatus = (st: string) => out.filter((r) => r[4] === st && r[5] === 'no').reduce((n, r) => n + Number(r[14]), 0);
    const listed = posture.findings.filter((f) => f.status === 'pass' && !f.waived).length;
    expect(byStatus('pass')).toBe(listed + passes.length);
  });

  it('round-trips text and defuses the formula', () => {
    expect(rows[1]?.[10]).toBe('\'=cmd|\' /C calc\'!A0, with "quotes"\nand a new line');
    expect(rows[1]?.[0]).toBe(first?.checkId);
    expect(rows[1]?.[9]).toBe('Pod kube-system/kube-apiserver-cp-1');
  });
});
