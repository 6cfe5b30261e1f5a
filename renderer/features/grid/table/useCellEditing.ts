import { useCallback, useRef, useState } from 'react';
import type { TableColumn } from './tableColumn.ts';

/** The open editor: whose row (by key, not position), which column, and how it started. */
export interface EditingCell {
  rowKey: number;
  colIdx: number;
  initial: string;
  replace: boolean;
}

/**
 * The table's one in-place editor. The edit belongs to a row, not to a position: if the rows
 * move under it (a live patch, a refresh, a new filter), `finish` still commits the draft to the
 * row it was started on.
 */
export function useCellEditing<Row>(columns: readonly TableColumn<Row>[], rowKey: (row: Row) => number, onEdit: (row: Row, columnKey: string, text: string) => void) {
  const [editing, setEditing] = useState<EditingCell | null>(null);
  // The same as `editing`, readable at once: a blur right after Enter must find it closed.
  const open = useRef<EditingCell | null>(null);
  const draft = useRef('');
  // The row as it was when the edit started: the caller's fallback if its page is gone by the commit.
  const editedRow = useRef<Row | null>(null);
  const edit = useRef(onEdit);
  edit.current = onEdit;

  const show = (cell: EditingCell | null) => {
    open.current = cell;
    setEditing(cell);
  };

  /** Opens the editor on a row's cell when that column can edit it; false when it cannot. */
  const start = useCallback(
    (row: Row, colIdx: number, typed?: string): boolean => {
      const column = columns[colIdx - 1];
      if (column?.editable === undefined || !column.editable(row)) return false;
      const initial = typed ?? column.editText?.(row) ?? '';
      draft.current = initial;
      editedRow.current = row;
      show({ rowKey: rowKey(row), colIdx, initial, replace: typed !== undefined });
      return true;
    },
    [columns, rowKey],
  );

  /** Closes the editor, committing its draft to its row when `commit`. Nothing when none is open. */
  const finish = useCallback(
    (commit: boolean) => {
      const cell = open.current;
      const row = editedRow.current;
      if (cell === null || row === null) return;
      show(null);
      editedRow.current = null;
      const column = columns[cell.colIdx - 1];
      if (commit && column !== undefined) edit.current(row, column.key, draft.current);
    },
    [columns],
  );

  const onDraft = useCallback((text: string) => {
    draft.current = text;
  }, []);

  return { editing, start, finish, onDraft };
}
