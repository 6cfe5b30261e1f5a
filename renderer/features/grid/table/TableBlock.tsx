import { memo, type ReactNode } from 'react';
import { CellEditor, type CloseEditor } from './CellEditor.tsx';
import type { TableColumn } from './tableColumn.ts';
import type { EditingCell } from './useCellEditing.ts';

/** What every row shares: its look, and the open editor's callbacks. */
export interface RowLook<Row> {
  rowClass: (row: Row) => string;
  canSelect: (row: Row) => boolean;
  selectLabel: string;
  onDraft: (text: string) => void;
  onClose: CloseEditor;
}

interface RowProps<Row> {
  row: Row;
  rowIdx: number;
  columns: readonly TableColumn<Row>[];
  selected: boolean;
  /** The active cell's column when it is in this row, else -1. */
  activeCol: number;
  editing: EditingCell | null;
  look: RowLook<Row>;
}

/**
 * One row. Column 0 is the selection checkbox; the table's columns follow. Widths and the frozen
 * columns' offsets are CSS variables on the table, so resizing a column re-renders no row.
 * Mouse and key handling is delegated to the table, which finds the cell from its aria indexes.
 */
function TableRowView<Row>({ row, rowIdx, columns, selected, activeCol, editing, look }: RowProps<Row>) {
  const cells: ReactNode[] = [
    <div key="select" role="gridcell" aria-colindex={1} aria-selected={activeCol === 0} tabIndex={activeCol === 0 ? 0 : -1} className="vt-cell vt-frozen vt-select" style={cellStyle(0, true)}>
      <input type="checkbox" tabIndex={-1} aria-label={look.selectLabel} checked={selected} disabled={!look.canSelect(row)} readOnly />
    </div>,
  ];
  columns.forEach((column, index) => {
    const colIdx = index + 1;
    const active = activeCol === colIdx;
    const edited = editing?.colIdx === colIdx ? editing : null;
    cells.push(
      <div
        key={column.key}
        role="gridcell"
        aria-colindex={colIdx + 1}
        aria-selected={active}
        tabIndex={active && !edited ? 0 : -1}
        className={`vt-cell${column.frozen ? ' vt-frozen' : ''}${column.cellClass ? ` ${column.cellClass}` : ''}${edited ? ' vt-editing' : ''}`}
        style={cellStyle(colIdx, column.frozen === true)}
      >
        {edited ? (
          <CellEditor initial={edited.initial} replace={edited.replace} label={column.name} onDraft={look.onDraft} onClose={look.onClose} />
        ) : (
          column.renderCell(row)
        )}
      </div>,
    );
  });
  return (
    <div role="row" aria-rowindex={rowIdx + 2} aria-selected={selected} className={`vt-row ${look.rowClass(row)}${selected ? ' vt-row-selected' : ''}`}>
      {cells}
    </div>
  );
}

const TableRow = memo(TableRowView) as typeof TableRowView;

/** A cell's width (and, frozen, its sticky offset) from the table's CSS variables. */
export const cellStyle = (colIdx: number, frozen: boolean) => (frozen ? { width: `var(--vt-w-${colIdx})`, left: `var(--vt-l-${colIdx})` } : { width: `var(--vt-w-${colIdx})` });

interface BlockProps<Row> {
  rows: readonly Row[];
  start: number;
  end: number;
  top: number;
  columns: readonly TableColumn<Row>[];
  selected: ReadonlySet<number>;
  rowKey: (row: Row) => number;
  active: { rowIdx: number; colIdx: number } | null;
  editing: EditingCell | null;
  look: RowLook<Row>;
}

/**
 * A block of consecutive rows, placed absolutely. The table renders whole blocks so that a scroll
 * re-renders only when it brings a new block in; between those, scrolling is the compositor's.
 */
function TableBlockView<Row>({ rows, start, end, top, columns, selected, rowKey, active, editing, look }: BlockProps<Row>) {
  const children: ReactNode[] = [];
  for (let rowIdx = start; rowIdx < end; rowIdx += 1) {
    const row = rows[rowIdx];
    if (row === undefined) continue;
    const isActive = active?.rowIdx === rowIdx;
    children.push(
      // Keyed by position: the same element stays as a placeholder turns into its row, so focus
      // on the active cell survives the page arriving.
      <TableRow<Row>
        key={rowIdx - start}
        row={row}
        rowIdx={rowIdx}
        columns={columns}
        selected={selected.has(rowKey(row))}
        activeCol={isActive ? active.colIdx : -1}
        editing={isActive ? editing : null}
        look={look}
      />,
    );
  }
  return (
    <div role="presentation" className="vt-block" style={{ top }}>
      {children}
    </div>
  );
}

/** A block re-renders when one of its own rows, or what they show, changed: not for other blocks' patches. */
function sameBlock<Row>(before: BlockProps<Row>, after: BlockProps<Row>): boolean {
  if (
    before.start !== after.start ||
    before.end !== after.end ||
    before.top !== after.top ||
    before.columns !== after.columns ||
    before.selected !== after.selected ||
    before.rowKey !== after.rowKey ||
    before.look !== after.look ||
    before.editing !== after.editing ||
    !sameActive(before.active, after.active)
  )
    return false;
  for (let rowIdx = before.start; rowIdx < before.end; rowIdx += 1) {
    if (before.rows[rowIdx] !== after.rows[rowIdx]) return false;
  }
  return true;
}

const sameActive = (a: BlockProps<unknown>['active'], b: BlockProps<unknown>['active']) => a === b || (a !== null && b !== null && a.rowIdx === b.rowIdx && a.colIdx === b.colIdx);

export const TableBlock = memo(TableBlockView, sameBlock) as typeof TableBlockView;
