import { useCallback, useRef, useState } from 'react';
import { isPlaceholder, type GridRow } from './gridRow.ts';

interface Modifiers {
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

/**
 * The selected row ids (the checkbox column's state), plus spreadsheet-style clicks on any cell:
 * Ctrl/⌘-click toggles a row, Shift-click selects the range from the last clicked row,
 * Ctrl+Shift-click adds that range. Rows not loaded yet cannot be selected.
 */
export function useGridSelection() {
  const [selected, setSelected] = useState<ReadonlySet<number>>(() => new Set());
  const anchor = useRef<number | null>(null);

  const onSelectedRowsChange = useCallback((next: Set<number>) => {
    setSelected(new Set([...next].filter((id) => id > 0)));
  }, []);

  const clickRow = useCallback((rows: readonly GridRow[], rowIdx: number, event: Modifiers) => {
    const row = rows[rowIdx];
    if (!row || isPlaceholder(row)) return;
    const adding = event.ctrlKey || event.metaKey;
    if (event.shiftKey && anchor.current !== null) {
      const [from, to] = anchor.current < rowIdx ? [anchor.current, rowIdx] : [rowIdx, anchor.current];
      setSelected((previous) => {
        const next = new Set(adding ? previous : []);
        for (let index = from; index <= to; index += 1) {
          const inRange = rows[index];
          if (inRange && !isPlaceholder(inRange)) next.add(inRange.id);
        }
        return next;
      });
      return;
    }
    anchor.current = rowIdx;
    if (!adding) return;
    setSelected((previous) => {
      const next = new Set(previous);
      if (next.has(row.id)) next.delete(row.id);
      else next.add(row.id);
      return next;
    });
  }, []);

  const clear = useCallback(() => {
    setSelected(new Set());
    anchor.current = null;
  }, []);

  return { selected, setSelected, onSelectedRowsChange, clickRow, clear };
}
