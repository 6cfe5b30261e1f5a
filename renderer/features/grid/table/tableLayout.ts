/**
 * The table's geometry, as arithmetic: every row has one height and every column one width, so
 * nothing is measured in the DOM. Pure functions, tested under Node.
 */

export interface ColumnSize {
  width: number;
  minWidth: number;
  /** Stays in view on the left while the table scrolls sideways. Frozen columns come first. */
  frozen?: boolean;
  /** Takes the room the other columns leave, never less than `width`. At most one column. */
  fill?: boolean;
}

export interface ColumnLayout {
  widths: number[];
  lefts: number[];
  total: number;
  frozenWidth: number;
}

/** Column widths (a creator's resized width wins over the default) and where each one starts. */
export function layoutColumns(columns: readonly ColumnSize[], resized: ReadonlyMap<number, number>, viewportWidth: number): ColumnLayout {
  const widths = columns.map((column, index) => Math.max(column.minWidth, resized.get(index) ?? column.width));
  const fillIndex = columns.findIndex((column, index) => column.fill === true && !resized.has(index));
  if (fillIndex >= 0) {
    const others = widths.reduce((sum, width, index) => (index === fillIndex ? sum : sum + width), 0);
    widths[fillIndex] = Math.max(widths[fillIndex] ?? 0, Math.floor(viewportWidth - others));
  }
  const lefts: number[] = [];
  let total = 0;
  let frozenWidth = 0;
  widths.forEach((width, index) => {
    lefts.push(total);
    total += width;
    if (columns[index]?.frozen) frozenWidth = total;
  });
  return { widths, lefts, total, frozenWidth };
}

export interface BlockRange {
  /** First block rendered. */
  first: number;
  /** Last block rendered, inclusive; less than `first` when there are no rows. */
  last: number;
}

/**
 * The blocks of `blockRows` rows to render for a viewport, with `overscan` blocks either side.
 * Rows are rendered a block at a time so that scrolling re-renders only when a block boundary
 * is crossed, not on every scroll event.
 */
export function blockRange(view: { scrollTop: number; height: number }, rowCount: number, rowHeight: number, blockRows: number, overscan: number): BlockRange {
  const blockCount = Math.ceil(rowCount / blockRows);
  if (blockCount === 0) return { first: 0, last: -1 };
  const blockHeight = rowHeight * blockRows;
  const top = Math.max(0, view.scrollTop);
  const first = Math.max(0, Math.floor(top / blockHeight) - overscan);
  const last = Math.min(blockCount - 1, Math.floor((top + Math.max(view.height, 0)) / blockHeight) + overscan);
  return { first: Math.min(first, blockCount - 1), last };
}

/** The rows whose top edge is in the viewport's body (below the sticky header). */
export function visibleRows(view: { scrollTop: number; height: number }, headerHeight: number, rowHeight: number): { first: number; last: number } {
  const first = Math.floor(Math.max(0, view.scrollTop) / rowHeight);
  return { first, last: first + Math.ceil(Math.max(0, view.height - headerHeight) / rowHeight) };
}

export interface Viewport {
  scrollTop: number;
  scrollLeft: number;
  width: number;
  height: number;
}

/**
 * Where to scroll so that a cell is wholly in view: below the sticky header and, for a column
 * that is not frozen, right of the frozen columns. Unchanged when it already is.
 */
export function revealCell(view: Viewport, cell: { rowIdx: number; colIdx: number }, layout: ColumnLayout, geometry: { rowHeight: number; headerHeight: number }): { scrollTop: number; scrollLeft: number } {
  const { rowHeight, headerHeight } = geometry;
  const rowTop = cell.rowIdx * rowHeight;
  const bodyHeight = view.height - headerHeight;
  let { scrollTop, scrollLeft } = view;
  // The header row (-1) is sticky: always in view.
  if (cell.rowIdx < 0) scrollTop = view.scrollTop;
  else if (rowTop < scrollTop) scrollTop = rowTop;
  else if (rowTop + rowHeight > scrollTop + bodyHeight) scrollTop = rowTop + rowHeight - bodyHeight;

  const left = layout.lefts[cell.colIdx] ?? 0;
  const width = layout.widths[cell.colIdx] ?? 0;
  if (left >= layout.frozenWidth) {
    if (left - layout.frozenWidth < scrollLeft) scrollLeft = left - layout.frozenWidth;
    else if (left + width > scrollLeft + view.width) scrollLeft = Math.min(left - layout.frozenWidth, left + width - view.width);
  }
  return { scrollTop: Math.max(0, scrollTop), scrollLeft: Math.max(0, scrollLeft) };
}

export interface CellPosition {
  rowIdx: number;
  colIdx: number;
}

export interface NavigationKey {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
}

/**
 * The cell a navigation key moves to, as in a spreadsheet: arrows by one, Page Up/Down by a
 * screenful, Home/End to the row's ends, with Ctrl/⌘ to the table's corners (and Ctrl/⌘+arrow
 * to its edges). Row -1 is the header row: only Arrow Up goes there, and keys on it stay on it
 * except those going down. Null for any other key.
 */
export function navigate(from: CellPosition, event: NavigationKey, size: { rows: number; columns: number; pageRows: number }): CellPosition | null {
  const toEdge = event.ctrlKey || event.metaKey;
  const lastRow = size.rows - 1;
  const lastColumn = size.columns - 1;
  const inHeader = from.rowIdx < 0;
  const at = (rowIdx: number, colIdx: number, firstRow = 0): CellPosition => ({ rowIdx: clamp(rowIdx, firstRow, lastRow), colIdx: clamp(colIdx, 0, lastColumn) });
  const page = Math.max(1, size.pageRows);
  switch (event.key) {
    case 'ArrowUp':
      return toEdge ? at(0, from.colIdx) : at(from.rowIdx - 1, from.colIdx, -1);
    case 'ArrowDown':
      return at(toEdge ? lastRow : from.rowIdx + 1, from.colIdx, -1);
    case 'ArrowLeft':
      return at(from.rowIdx, toEdge ? 0 : from.colIdx - 1, -1);
    case 'ArrowRight':
      return at(from.rowIdx, toEdge ? lastColumn : from.colIdx + 1, -1);
    case 'PageUp':
      return inHeader ? from : at(from.rowIdx - page, from.colIdx);
    case 'PageDown':
      return at(from.rowIdx + page, from.colIdx, -1);
    case 'Home':
      return toEdge ? at(0, 0) : at(from.rowIdx, 0, -1);
    case 'End':
      return toEdge ? at(lastRow, lastColumn) : at(from.rowIdx, lastColumn, -1);
    default:
      return null;
  }
}

const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), Math.max(min, max));
