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
 * Ctrl+Shift-click adds that range. A checkbox toggles its row; Shift on a checkbox gives the
 * range from the last clicked row the box's new state. Rows not loaded yet cannot be selected.
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

  const toggleRow = useCallback((rows: readonly GridRow[], rowIdx: number, shiftKey: boolean) => {
    const row = rows[rowIdx];
    if (!row || isPlaceholder(row)) return;
    const from = anchor.current;
    const ids = shiftKey && from !== null ? idsBetween(rows, from, rowIdx) : [row.id];
    // The clicked box's new state goes to the whole range, so Shift-click also clears one.
    setSelected((previous) => {
      const checked = !previous.has(row.id);
      const next = new Set(previous);
      for (const id of ids) {
        if (checked) next.add(id);
        else next.delete(id);
      }
      return next;
    });
    anchor.current = rowIdx;
  }, []);

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
