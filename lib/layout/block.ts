/**
 * A Block is a piece of the picture laid out in its own coordinates (origin top-left), so bands,
 * frames and grids can be built independently and then placed. Pure helpers.
 */
import type { LayoutBox } from './types';

export interface Block {
  width: number;
  height: number;
  boxes: LayoutBox[];
}

/** Moves every box of a block by (dx, dy), in place, and returns the boxes. */
export function place(block: Block, dx: number, dy: number): LayoutBox[] {
  for (const b of block.boxes) {
    b.x += dx;
    b.y += dy;
  }
  return block.boxes;
}

/**
 * Places blocks left to right, wrapping to a new row when the next block would pass `maxWidth`.
 * Rows are centred on the widest row, so small clusters look balanced.
 */
export function flow(blocks: readonly Block[], maxWidth: number, gap: number, rowGap = gap): Block {
  const rows: Block[][] = [];
  let row: Block[] = [];
  let rowWidth = 0;
  for (const b of blocks) {
    const next = row.length === 0 ? b.width : rowWidth + gap + b.width;
    if (row.length > 0 && next > maxWidth) {
      rows.push(row);
      row = [b];
      rowWidth = b.width;
    } else {
      row.push(b);
      rowWidth = next;
    }
  }
  if (row.length > 0) rows.push(row);

  const rowWidths = rows.map((r) => r.reduce((w, b) => w + b.width, 0) + gap * Math.max(0, r.length - 1));
  const width = Math.max(0, ...rowWidths);
  const boxes: LayoutBox[] = [];
  let y = 0;
  rows.forEach((r, i) => {
    const height = Math.max(...r.map((b) => b.height));
    let x = Math.round((width - (rowWidths[i] ?? 0)) / 2);
    for (const b of r) {
      // Vertically align to the top: frames of different heights read better that way.
      boxes.push(...place(b, x, y));
      x += b.width + gap;
    }
    y += height + rowGap;
  });
  return { width, height: rows.length > 0 ? y - rowGap : 0, boxes };
}

/** Fixed-size cells in a grid of `columns` columns, filled row by row. */
export function gridPositions(count: number, columns: number, cellWidth: number, cellHeight: number, gap: number): { x: number; y: number }[] {
  const out: { x: number; y: number }[] = [];
  for (let i = 0; i < count; i++) {
    const col = i % columns;
    const row = Math.floor(i / columns);
    out.push({ x: col * (cellWidth + gap), y: row * (cellHeight + gap) });
  }
  return out;
}

/** Natural order (`worker-2` before `worker-10`), independent of the runtime's locale. */
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
export function naturalCompare(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}
