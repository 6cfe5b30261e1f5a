import { useCallback, useEffect, type RefObject, type UIEvent } from 'react';
import type { DataGridHandle } from 'react-data-grid';

/**
 * Tells `onRange` which row indexes the grid's viewport shows, on scroll and on resize. Rows have
 * one fixed height, so this is arithmetic on scrollTop rather than a measurement per row.
 */
export function useViewportRange(grid: RefObject<DataGridHandle | null>, rowHeight: number, onRange: (first: number, last: number) => void): (event: UIEvent<HTMLDivElement>) => void {
  const report = useCallback(
    (element: HTMLElement) => {
      const first = Math.floor(element.scrollTop / rowHeight);
      onRange(first, first + Math.ceil(element.clientHeight / rowHeight));
    },
    [rowHeight, onRange],
  );

  useEffect(() => {
    const element = grid.current?.element;
    if (!element) return;
    report(element);
    const observer = new ResizeObserver(() => report(element));
    observer.observe(element);
    return () => observer.disconnect();
  }, [grid, report]);

  return useCallback((event: UIEvent<HTMLDivElement>) => report(event.currentTarget), [report]);
}
