import './table.css';
import { useCallback, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type ClipboardEvent, type CSSProperties, type FocusEvent, type KeyboardEvent, type MouseEvent, type ReactNode, type Ref } from 'react';
import { TableBlock, type RowLook } from './TableBlock.tsx';
import type { CellRef, TableColumn } from './tableColumn.ts';
import { TableHeader } from './TableHeader.tsx';
import { handleTableKey } from './tableKeys.ts';
import { fitColumnWidth } from './fitColumn.ts';
import { layoutColumns, revealCell, type CellPosition, type ColumnSize } from './tableLayout.ts';
import { useCellEditing } from './useCellEditing.ts';
import { useViewport } from './useViewport.ts';

/** Rows rendered together; a scroll re-renders only when it brings a new block into range. */
const BLOCK_ROWS = 8;
/** Blocks rendered beyond each edge of the viewport, so a fast scroll never shows a gap. */
const OVERSCAN_BLOCKS = 1;
/** The selection column's key, for callers that list the columns (a paste plans from it). */
export const SELECT_KEY = 'select';
const SELECT_SIZE: ColumnSize = { width: 36, minWidth: 36, frozen: true };
/** A double-click fits a column to its content, up to this: a long prompt must not push everything away. */
const MAX_AUTO_WIDTH = 640;

export interface VirtualTableHandle {
  /** Back to the top with no active cell (an open edit is committed): for a new filter. */
  reset(): void;
}

export interface VirtualTableProps<Row> {
  ref?: Ref<VirtualTableHandle>;
  columns: readonly TableColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => number;
  rowClass: (row: Row) => string;
  /** Rows not loaded yet can be looked at, not selected, opened, edited or copied. */
  isLoaded: (row: Row) => boolean;
  rowHeight: number;
  headerHeight: number;
  label: string;
  testId: string;
  labels: { selectAll: string; selectRow: string };
  empty: ReactNode;
  selected: ReadonlySet<number>;
  onToggleRow: (rowIdx: number, shiftKey: boolean) => void;
  onToggleAll: (checked: boolean) => void;
  /** A click on a cell other than the checkbox: the caller's spreadsheet-style selection. */
  onRowClick: (rowIdx: number, event: MouseEvent) => void;
  onOpenRow: (row: Row) => void;
  /** The context menu, at the pointer or, from the keyboard, by the cell. */
  onMenu: (row: Row, cell: Element, x?: number, y?: number) => void;
  /** An edit's text for the row it was started on, as it was then (it may have moved, or left the list, meanwhile). */
  onEdit: (row: Row, columnKey: string, text: string) => void;
  copyText: (row: Row, columnKey: string) => string;
  onVisibleRows: (first: number, last: number) => void;
  onActiveChange: (cell: CellRef | null) => void;
}

/**
 * A virtual spreadsheet: a sticky header, rows of one height rendered a block at a time, frozen
 * columns on the left, one active cell with spreadsheet keys, in-place editing, a selection
 * checkbox column and resizable columns. Pointer and key events are handled once, on the scroller.
 */
export function VirtualTable<Row>(props: VirtualTableProps<Row>) {
  const { columns, rows, rowKey, rowClass, isLoaded, rowHeight, headerHeight, selected, labels } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const latest = useRef(props);
  latest.current = props;

  const { range, width: viewportWidth, height: viewHeight } = useViewport(
    scroller,
    { rowHeight, headerHeight, blockRows: BLOCK_ROWS, overscan: OVERSCAN_BLOCKS },
    props.onVisibleRows,
  );
  const [resized, setResized] = useState<ReadonlyMap<number, number>>(() => new Map());
  const [active, setActive] = useState<CellPosition | null>(null);
  // Set when the active cell should take focus once rendered (after a key, a click or an edit).
  const focusActive = useRef(false);
  // Whether the focus is in the table, so that it can be given back if its cell is taken away.
  const focusInside = useRef(false);
  // useViewport and useCellEditing keep the newest callback they are given: the caller's may change each render.
  const editor = useCellEditing(columns, rowKey, props.onEdit);
  // Stable callbacks, so that what depends on them (every row, through `look`) keeps its identity.
  const { finish: finishEdit, onDraft } = editor;

  const sizes = useMemo(() => [SELECT_SIZE, ...columns], [columns]);
  const layout = useMemo(() => layoutColumns(sizes, resized, viewportWidth), [sizes, resized, viewportWidth]);
  const style = useMemo(() => {
    const variables: Record<string, string> = { '--vt-total': `${layout.total}px`, '--vt-row-h': `${rowHeight}px`, '--vt-header-h': `${headerHeight}px` };
    layout.widths.forEach((width, index) => {
      variables[`--vt-w-${index}`] = `${width}px`;
      variables[`--vt-l-${index}`] = `${layout.lefts[index] ?? 0}px`;
    });
    return variables as CSSProperties;
  }, [layout, rowHeight, headerHeight]);

  // When the rows shrink under it (a filter, a refresh), the active cell stays on the last row.
  const activeRow = active === null ? null : Math.min(active.rowIdx, rows.length - 1);
  const activeCol = active === null ? -1 : Math.min(active.colIdx, sizes.length - 1);
  const current = useMemo(() => (activeRow === null || activeRow < -1 ? null : { rowIdx: activeRow, colIdx: activeCol }), [activeRow, activeCol]);

  useEffect(() => {
    const column = activeCol === 0 ? SELECT_KEY : columns[activeCol - 1]?.key;
    latest.current.onActiveChange(activeRow === null || activeRow < 0 || column === undefined ? null : { rowIdx: activeRow, columnKey: column });
  }, [activeRow, activeCol, columns]);

  // The editor shows only while its row is still the one at the active cell.
  const activeRowValue = current === null || current.rowIdx < 0 ? undefined : rows[current.rowIdx];
  const editing = editor.editing !== null && activeRowValue !== undefined && rowKey(activeRowValue) === editor.editing.rowKey ? editor.editing : null;

  const cellElement = useCallback((cell: CellPosition) => scroller.current?.querySelector<HTMLElement>(`[aria-rowindex="${cell.rowIdx + 2}"] > [aria-colindex="${cell.colIdx + 1}"]`) ?? null, []);

  useLayoutEffect(() => {
    // A shortened list moved the active cell up: keep it there when the list grows back.
    if (active !== null && current !== null && (active.rowIdx !== current.rowIdx || active.colIdx !== current.colIdx)) setActive(current);
    // The rows moved under an open editor: its draft goes to the row it was started on.
    if (editor.editing !== null && editing === null) finishEdit(true);
    if (current === null || editing !== null) return;
    const lost = focusInside.current && (document.activeElement === null || document.activeElement === document.body);
    if (!focusActive.current && !lost) return;
    focusActive.current = false;
    cellElement(current)?.focus({ preventScroll: true });
  });

  /** Makes a cell the active one, scrolled into view, and gives it focus. */
  const moveTo = useCallback(
    (cell: CellPosition) => {
      const element = scroller.current;
      if (element) {
        const view = { scrollTop: element.scrollTop, scrollLeft: element.scrollLeft, width: element.clientWidth, height: element.clientHeight };
        const target = revealCell(view, cell, layout, { rowHeight, headerHeight });
        if (target.scrollTop !== view.scrollTop || target.scrollLeft !== view.scrollLeft) element.scrollTo({ top: target.scrollTop, left: target.scrollLeft });
      }
      // Moving on ends an edit (usually its blur has already committed it).
      finishEdit(true);
      focusActive.current = true;
      setActive(cell);
    },
    [layout, rowHeight, headerHeight, finishEdit],
  );

  // The newest active cell and moveTo, for the rows' stable callbacks.
  const activeNow = useRef(current);
  activeNow.current = current;
  const moveNow = useRef(moveTo);
  moveNow.current = moveTo;

  const look = useMemo<RowLook<Row>>(
    () => ({
      rowClass,
      canSelect: isLoaded,
      selectLabel: labels.selectRow,
      onDraft,
      onClose: (commit, refocus, move) => {
        finishEdit(commit);
        focusActive.current = refocus;
        const cell = activeNow.current;
        // Tab moves on as an arrow would, scrolling the next cell into view.
        if (move !== 0 && cell !== null) moveNow.current({ rowIdx: cell.rowIdx, colIdx: Math.max(0, Math.min(cell.colIdx + move, latest.current.columns.length)) });
      },
    }),
    [rowClass, isLoaded, labels.selectRow, onDraft, finishEdit],
  );

  useImperativeHandle(
    props.ref,
    () => ({
      reset: () => {
        finishEdit(true);
        scroller.current?.scrollTo({ top: 0 });
        setActive(null);
      },
    }),
    [finishEdit],
  );

  /** Fits a column to the widest content among its header and the cells rendered now, as RDG did. */
  const autoSize = (colIdx: number) => {
    const size = sizes[colIdx];
    if (!scroller.current || !size) return;
    const width = Math.min(MAX_AUTO_WIDTH, Math.max(size.minWidth, fitColumnWidth(scroller.current, colIdx)));
    setResized((previous) => new Map(previous).set(colIdx, width));
  };

  /** The cell an event happened in (row -1 for the header), skipping an open editor. */
  const hitCell = (target: EventTarget): { cell: CellPosition; element: HTMLElement; row: Row | undefined } | null => {
    if (!(target instanceof Element) || target.closest('.vt-editing, .vt-resize')) return null;
    const element = target.closest<HTMLElement>('[role="gridcell"], [role="columnheader"]');
    if (!element) return null;
    const cell = { rowIdx: Number(element.parentElement?.getAttribute('aria-rowindex')) - 2, colIdx: Number(element.getAttribute('aria-colindex')) - 1 };
    return { cell, element, row: rows[cell.rowIdx] };
  };

  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const hit = hitCell(event.target);
    if (!hit) return;
    moveTo(hit.cell);
    if (hit.row === undefined) return;
    if (hit.cell.colIdx !== 0) props.onRowClick(hit.cell.rowIdx, event);
    else if (isLoaded(hit.row)) props.onToggleRow(hit.cell.rowIdx, event.shiftKey);
  };

  const onDoubleClick = (event: MouseEvent<HTMLDivElement>) => {
    const hit = hitCell(event.target);
    // Double-click opens the row; editing starts with Enter, F2 or typing.
    if (hit?.row !== undefined && hit.cell.colIdx !== 0 && isLoaded(hit.row)) props.onOpenRow(hit.row);
  };

  const onContextMenu = (event: MouseEvent<HTMLDivElement>) => {
    const hit = hitCell(event.target);
    if (hit?.row === undefined) return;
    event.preventDefault();
    moveTo(hit.cell);
    if (!isLoaded(hit.row)) return;
    // The ContextMenu key also fires this event, at (0, 0): place the menu by the cell then.
    const fromKeyboard = event.clientX === 0 && event.clientY === 0;
    props.onMenu(hit.row, hit.element, fromKeyboard ? undefined : event.clientX, fromKeyboard ? undefined : event.clientY);
  };

  const allSelected = useMemo(() => {
    let loaded = 0;
    let chosen = 0;
    for (const row of rows) {
      if (!isLoaded(row)) continue;
      loaded += 1;
      if (selected.has(rowKey(row))) chosen += 1;
    }
    return chosen === 0 ? false : chosen === loaded ? true : 'some';
  }, [rows, selected, isLoaded, rowKey]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Keys in a checkbox or an open editor are theirs, not the active cell's.
    const role = event.target instanceof Element ? event.target.getAttribute('role') : null;
    if (current === null || editing !== null || (role !== 'gridcell' && role !== 'columnheader')) return;
    const handled = handleTableKey(event, current, {
      rows,
      columnCount: sizes.length,
      pageRows: Math.floor((viewHeight.current - headerHeight) / rowHeight),
      isLoaded,
      moveTo,
      startEdit: (row, colIdx, typed) => editor.start(row, colIdx, typed),
      toggleRow: (rowIdx) => props.onToggleRow(rowIdx, false),
      toggleAll: () => props.onToggleAll(allSelected === false),
      selectAll: () => props.onToggleAll(true),
      openRow: props.onOpenRow,
      openMenu: (row) => {
        const element = cellElement(current);
        if (element) props.onMenu(row, element);
      },
    });
    if (handled) event.preventDefault();
  };

  const onCopy = (event: ClipboardEvent<HTMLDivElement>) => {
    if (current === null || current.colIdx === 0 || editing !== null || (event.target as Element).closest('input')) return;
    const row = rows[current.rowIdx];
    const column = columns[current.colIdx - 1];
    if (row === undefined || column === undefined || !isLoaded(row)) return;
    event.clipboardData.setData('text/plain', props.copyText(row, column.key));
    event.preventDefault();
  };

  const onFocus = (event: FocusEvent<HTMLDivElement>) => {
    focusInside.current = true;
    if (event.target !== event.currentTarget) return;
    // A click on the table's empty space gives the focus to the active cell, where the keys work.
    if (current !== null) {
      cellElement(current)?.focus({ preventScroll: true });
      return;
    }
    // Tabbing into the table with no active cell starts at the first row in view.
    if (rows.length === 0) return;
    moveTo({ rowIdx: Math.min(rows.length - 1, Math.floor(event.currentTarget.scrollTop / rowHeight)), colIdx: 1 });
  };

  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    const to = event.relatedTarget;
    const from = event.target;
    if (to instanceof Node) {
      // Focus went somewhere else in the table, or out of it to another control (never steal it back).
      focusInside.current = event.currentTarget.contains(to);
      return;
    }
    // Nowhere: a cell taken out of the page (its row scrolled or filtered away) is not the creator
    // leaving, but a click on the page's background or another window is.
    queueMicrotask(() => {
      if (from.isConnected) focusInside.current = false;
    });
  };

  const blockCount = Math.ceil(rows.length / BLOCK_ROWS);
  const shown: number[] = [];
  for (let block = range.first; block <= Math.min(range.last, blockCount - 1); block += 1) shown.push(block);
  const activeBlock = current === null || current.rowIdx < 0 ? -1 : Math.floor(current.rowIdx / BLOCK_ROWS);
  if (activeBlock >= 0 && !shown.includes(activeBlock)) shown.push(activeBlock);

  return (
    <div
      ref={scroller}
      role="grid"
      aria-label={props.label}
      aria-rowcount={rows.length + 1}
      aria-colcount={sizes.length}
      aria-multiselectable="true"
      data-testid={props.testId}
      className="vt"
      style={style}
      tabIndex={current === null ? 0 : -1}
      onFocus={onFocus}
      onBlur={onBlur}
      onClick={onClick}
      onDoubleClick={onDoubleClick}
      onContextMenu={onContextMenu}
      onKeyDown={onKeyDown}
      onCopy={onCopy}
    >
      <TableHeader
        columns={columns}
        widths={layout.widths}
        allSelected={allSelected}
        activeCol={current?.rowIdx === -1 ? current.colIdx : -1}
        selectAllLabel={labels.selectAll}
        onToggleAll={props.onToggleAll}
        onResize={(colIdx, width) => setResized((previous) => new Map(previous).set(colIdx, width))}
        onAutoSize={autoSize}
      />
      <div role="rowgroup" className="vt-body" style={{ height: rows.length * rowHeight }}>
        {rows.length === 0
          ? props.empty
          : shown.map((block) => (
              <TableBlock<Row>
                key={block}
                rows={rows}
                start={block * BLOCK_ROWS}
                end={Math.min(rows.length, (block + 1) * BLOCK_ROWS)}
                top={block * BLOCK_ROWS * rowHeight}
                columns={columns}
                selected={selected}
                rowKey={rowKey}
                active={block === activeBlock ? current : null}
                editing={block === activeBlock ? editing : null}
                look={look}
              />
            ))}
      </div>
    </div>
  );
}
