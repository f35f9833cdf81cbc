'use client';
/**
 * Windowing for fixed-height rows: only the rows in (or just around) the viewport are rendered,
 * so 100,000 findings cost as much DOM as 30. Rows are positioned with a top offset inside a
 * spacer of the full height, which keeps the native scrollbar honest.
 */
import { type RefObject, useCallback, useEffect, useState } from 'react';

export function useVirtualRows(containerRef: RefObject<HTMLElement | null>, count: number, rowHeight: number, overscan = 8) {
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);

  useEffect(() => {
    const el = containerRef.current;
    if (!el) return;
    const ro = new ResizeObserver(([entry]) => {
      if (entry) setHeight(entry.contentRect.height);
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [containerRef]);

  const onScroll = useCallback(() => {
    const el = containerRef.current;
    if (el) setScrollTop(el.scrollTop);
  }, [containerRef]);

  const start = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const end = Math.min(count, Math.ceil((scrollTop + height) / rowHeight) + overscan);

  /** Scroll so that row `i` is visible (keyboard navigation). */
  const scrollToRow = useCallback(
    (i: number) => {
      const el = containerRef.current;
      if (!el) return;
      const top = i * rowHeight;
      if (top < el.scrollTop) el.scrollTop = top;
      else if (top + rowHeight > el.scrollTop + el.clientHeight) el.scrollTop = top + rowHeight - el.clientHeight;
    },
    [containerRef, rowHeight],
  );

  return { start, end, totalHeight: count * rowHeight, onScroll, scrollToRow };
}
