import { useCallback, useRef, useState } from 'react';
import { isPlaceholder, type GridRow } from './gridRow.ts';

interface Modifiers {
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

/** The ids of the loaded rows from index `from` to `to`, both included. */
function idsBetween(rows: readonly GridRow[], from: number, to: number): number[] {
  const ids: number[] = [];
  for (let index = Math.min(from, to); index <= Math.max(from, to); index += 1) {
    const row = rows[index];
    if (row && !isPlaceholder(row)) ids.push(row.id);
  }
  return ids;
}

/**
 * The selected row ids, changed by the checkbox column and by spreadsheet-style clicks on any
 * cell: Ctrl/⌘-click toggles a row, Shift-click selects the range from the last clicked row,
 * Ctrl+Shift-click adds that range. A checkbox toggles its row; Shift on a checkbox adds the
 * range. Rows not loaded yet cannot be selected.
 */
export function useGridSelection() {
  const [selected, setSelected] = useState<ReadonlySet<number>>(() => new Set());
  const anchor = useRef<number | null>(null);

  const toggle = useCallback((row: GridRow) => {
    setSelected((previous) => {
      const next = new Set(previous);
      if (next.has(row.id)) next.delete(row.id);
      else next.add(row.id);
      return next;
    });
  }, []);

  const clickRow = useCallback(
    (rows: readonly GridRow[], rowIdx: number, event: Modifiers) => {
      const row = rows[rowIdx];
      if (!row || isPlaceholder(row)) return;
      const adding = event.ctrlKey || event.metaKey;
      if (event.shiftKey && anchor.current !== null) {
        const range = idsBetween(rows, anchor.current, rowIdx);
        setSelected((previous) => new Set([...(adding ? previous : []), ...range]));
        return;
      }
      anchor.current = rowIdx;
      if (adding) toggle(row);
    },
    [toggle],
  );

  const toggleRow = useCallback(
    (rows: readonly GridRow[], rowIdx: number, shiftKey: boolean) => {
      const row = rows[rowIdx];
      if (!row || isPlaceholder(row)) return;
      if (shiftKey && anchor.current !== null) {
        const range = idsBetween(rows, anchor.current, rowIdx);
        setSelected((previous) => new Set([...previous, ...range]));
      } else toggle(row);
      anchor.current = rowIdx;
    },
    [toggle],
  );

  /** Every loaded row, or none. */
  const toggleAll = useCallback((rows: readonly GridRow[], checked: boolean) => {
    setSelected(checked ? new Set(idsBetween(rows, 0, rows.length - 1)) : new Set());
  }, []);

  const clear = useCallback(() => {
    setSelected(new Set());
    anchor.current = null;
  }, []);

  return { selected, setSelected, clickRow, toggleRow, toggleAll, clear };
}
