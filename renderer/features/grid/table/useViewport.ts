import { startTransition, useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { blockRange, visibleRows, type BlockRange } from './tableLayout.ts';

/**
 * Follows the scroller's position and size: which blocks of rows to render, the width the columns
 * can fill, and which rows are in view (told to `onVisibleRows`, which loads them). A scroll
 * updates the blocks only when it reaches a new one, and then as a transition: React renders it
 * in the background while the overscan block is on screen.
 */
export function useViewport(
  scroller: RefObject<HTMLDivElement | null>,
  geometry: { rowHeight: number; headerHeight: number; blockRows: number; overscan: number },
  onVisibleRows: (first: number, last: number) => void,
) {
  const { rowHeight, headerHeight, blockRows, overscan } = geometry;
  const [range, setRange] = useState<BlockRange>({ first: 0, last: -1 });
  const [width, setWidth] = useState(0);
  // Read on every scroll, so kept out of state: the ResizeObserver refreshes it.
  const height = useRef(0);
  const tell = useRef(onVisibleRows);
  tell.current = onVisibleRows;

  const measure = useCallback(
    (urgent: boolean) => {
      const element = scroller.current;
      if (!element) return;
      const view = { scrollTop: element.scrollTop, height: height.current };
      const rowsInView = visibleRows(view, headerHeight, rowHeight);
      tell.current(rowsInView.first, rowsInView.last);
      const next = blockRange(view, Number.MAX_SAFE_INTEGER, rowHeight, blockRows, overscan);
      const apply = () => setRange((previous) => (previous.first === next.first && previous.last === next.last ? previous : next));
      if (urgent) apply();
      else startTransition(apply);
    },
    [scroller, headerHeight, rowHeight, blockRows, overscan],
  );

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const resize = () => {
      height.current = element.clientHeight;
      setWidth(element.clientWidth);
      measure(true);
    };
    resize();
    const onScroll = () => measure(false);
    element.addEventListener('scroll', onScroll, { passive: true });
    const observer = new ResizeObserver(resize);
    observer.observe(element);
    return () => {
      element.removeEventListener('scroll', onScroll);
      observer.disconnect();
    };
  }, [scroller, measure]);

  return { range, width, height };
}
