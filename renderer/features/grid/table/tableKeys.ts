import type { KeyboardEvent } from 'react';
import { navigate, type CellPosition } from './tableLayout.ts';

/** What a key on the active cell can do; the table supplies it. */
export interface KeyActions<Row> {
  rows: readonly Row[];
  columnCount: number;
  pageRows: number;
  isLoaded: (row: Row) => boolean;
  moveTo: (cell: CellPosition) => void;
  /** Opens the editor on the cell, starting from `typed` if given; false when it cannot be edited. */
  startEdit: (row: Row, colIdx: number, typed?: string) => boolean;
  toggleRow: (rowIdx: number) => void;
  toggleAll: () => void;
  selectAll: () => void;
  openRow: (row: Row) => void;
  openMenu: (row: Row) => void;
}

/**
 * The table's keys on its active cell, as in a spreadsheet: navigation (see `navigate`), Enter
 * or F2 or typing to edit (Enter elsewhere opens the row), Space on the checkbox column or
 * Shift+Space anywhere to select the row, Ctrl/⌘+A for all, the context-menu key or Shift+F10
 * for the row's menu. On the header row, Space or Enter on the checkbox cell selects all.
 * Returns whether the key was the table's (its default action is then prevented).
 */
export function handleTableKey<Row>(event: KeyboardEvent, at: CellPosition, actions: KeyActions<Row>): boolean {
  const next = navigate(at, event, { rows: actions.rows.length, columns: actions.columnCount, pageRows: actions.pageRows });
  if (next) {
    actions.moveTo(next);
    return true;
  }
  const command = event.ctrlKey || event.metaKey;
  if (command && event.key.toLowerCase() === 'a') {
    actions.selectAll();
    return true;
  }
  if (at.rowIdx < 0) {
    if ((event.key === ' ' || event.key === 'Enter') && at.colIdx === 0) actions.toggleAll();
    return event.key === ' ' || event.key === 'Enter';
  }
  const row = actions.rows[at.rowIdx];
  if (row === undefined || !actions.isLoaded(row)) return event.key === ' ';
  if (event.key === 'ContextMenu' || (event.shiftKey && event.key === 'F10')) {
    actions.openMenu(row);
    return true;
  }
  if (event.key === ' ' && (event.shiftKey || at.colIdx === 0)) {
    actions.toggleRow(at.rowIdx);
    return true;
  }
  if (event.key === 'Enter' && !command && !event.altKey) {
    if (!actions.startEdit(row, at.colIdx)) actions.openRow(row);
    return true;
  }
  if (event.key === 'F2') {
    actions.startEdit(row, at.colIdx);
    return true;
  }
  if (event.key.length === 1 && !command && !event.altKey) {
    // Typing over an editable cell starts its editor; a space elsewhere must not scroll the page.
    return actions.startEdit(row, at.colIdx, event.key) || event.key === ' ';
  }
  return false;
}
