import type { KeyboardEvent } from 'react';
import { describe, expect, it } from 'vitest';
import { handleTableKey, type KeyActions } from '../../../../../renderer/features/grid/table/tableKeys.ts';
import type { CellPosition } from '../../../../../renderer/features/grid/table/tableLayout.ts';

interface Row {
  id: number;
  loaded: boolean;
}

/** A key as the table receives it; only these fields are read. */
const press = (key: string, modifiers: { shiftKey?: boolean; ctrlKey?: boolean } = {}) =>
  ({ key, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...modifiers }) as unknown as KeyboardEvent;

/** Actions that record what was asked; column 2 is editable, row 3 is not loaded. */
function table() {
  const calls: string[] = [];
  const rows: Row[] = Array.from({ length: 10 }, (_, index) => ({ id: index + 1, loaded: index !== 3 }));
  const actions: KeyActions<Row> = {
    rows,
    columnCount: 4,
    pageRows: 5,
    isLoaded: (row) => row.loaded,
    moveTo: (cell) => calls.push(`move ${cell.rowIdx},${cell.colIdx}`),
    startEdit: (row, colIdx, typed) => {
      if (colIdx !== 2) return false;
      calls.push(`edit ${row.id}${typed === undefined ? '' : ` "${typed}"`}`);
      return true;
    },
    toggleRow: (rowIdx) => calls.push(`toggle ${rowIdx}`),
    toggleAll: () => calls.push('toggle all'),
    selectAll: () => calls.push('select all'),
    openRow: (row) => calls.push(`open ${row.id}`),
    openMenu: (row) => calls.push(`menu ${row.id}`),
  };
  const key = (at: CellPosition, event: KeyboardEvent) => ({ handled: handleTableKey(event, at, actions), calls: calls.splice(0) });
  return { key };
}

describe('the table keys on the active cell', () => {
  const editable = { rowIdx: 1, colIdx: 2 };
  const readOnly = { rowIdx: 1, colIdx: 1 };

  it('edits an editable cell with Enter, F2 or typing, and opens the row with Enter elsewhere', () => {
    const { key } = table();
    expect(key(editable, press('Enter'))).toEqual({ handled: true, calls: ['edit 2'] });
    expect(key(editable, press('F2'))).toEqual({ handled: true, calls: ['edit 2'] });
    expect(key(editable, press('x'))).toEqual({ handled: true, calls: ['edit 2 "x"'] });
    expect(key(readOnly, press('Enter'))).toEqual({ handled: true, calls: ['open 2'] });
    expect(key(readOnly, press('x'))).toEqual({ handled: false, calls: [] });
  });

  it('selects the row with Space on the checkbox column or Shift+Space anywhere, never typing a space over it', () => {
    const { key } = table();
    expect(key({ rowIdx: 1, colIdx: 0 }, press(' '))).toEqual({ handled: true, calls: ['toggle 1'] });
    expect(key(editable, press(' ', { shiftKey: true }))).toEqual({ handled: true, calls: ['toggle 1'] });
    // A plain Space on a read-only cell does nothing, and does not scroll the page either.
    expect(key(readOnly, press(' '))).toEqual({ handled: true, calls: [] });
  });

  it('opens the menu with the context-menu key or Shift+F10, and selects all with Ctrl+A', () => {
    const { key } = table();
    expect(key(readOnly, press('ContextMenu'))).toEqual({ handled: true, calls: ['menu 2'] });
    expect(key(readOnly, press('F10', { shiftKey: true }))).toEqual({ handled: true, calls: ['menu 2'] });
    expect(key(readOnly, press('a', { ctrlKey: true }))).toEqual({ handled: true, calls: ['select all'] });
  });

  it('does nothing to a row not loaded yet but still moves from it', () => {
    const { key } = table();
    const placeholder = { rowIdx: 3, colIdx: 2 };
    expect(key(placeholder, press('Enter'))).toEqual({ handled: false, calls: [] });
    expect(key(placeholder, press('x'))).toEqual({ handled: false, calls: [] });
    expect(key(placeholder, press('ArrowDown'))).toEqual({ handled: true, calls: ['move 4,2'] });
  });

  it('toggles all with Space or Enter on the header checkbox, and nothing else on the header', () => {
    const { key } = table();
    expect(key({ rowIdx: -1, colIdx: 0 }, press(' '))).toEqual({ handled: true, calls: ['toggle all'] });
    expect(key({ rowIdx: -1, colIdx: 0 }, press('Enter'))).toEqual({ handled: true, calls: ['toggle all'] });
    expect(key({ rowIdx: -1, colIdx: 2 }, press('Enter'))).toEqual({ handled: true, calls: [] });
    expect(key({ rowIdx: -1, colIdx: 2 }, press('x'))).toEqual({ handled: false, calls: [] });
  });
});
