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
  });

  it('round-trips text and defuses the formula', () => {
    expect(rows[1]?.[10]).toBe('\'=cmd|\' /C calc\'!A0, with "quotes"\nand a new line');
    expect(rows[1]?.[0]).toBe(first?.checkId);
    expect(rows[1]?.[9]).toBe('Pod kube-system/kube-apiserver-cp-1');
  });
});
