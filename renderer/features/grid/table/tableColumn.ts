import type { ReactNode } from 'react';
import type { ColumnSize } from './tableLayout.ts';

/** A column of the virtual table: its size, its header, how its cells render and edit. */
export interface TableColumn<Row> extends ColumnSize {
  key: string;
  /** The header's text, also the editor's accessible name. */
  name: string;
  cellClass?: string;
  renderCell: (row: Row) => ReactNode;
  /** Whether a row's cell can be edited in place; columns without it never are. */
  editable?: (row: Row) => boolean;
  /** The text an editor starts from. */
  editText?: (row: Row) => string;
}

/** Where the table's state says a cell is: row index in `rows`, column index in the columns shown. */
export interface CellRef {
  rowIdx: number;
  columnKey: string;
}
