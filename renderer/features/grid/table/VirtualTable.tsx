import './table.css';
import { startTransition, useCallback, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type ClipboardEvent, type CSSProperties, type FocusEvent, type KeyboardEvent, type MouseEvent, type ReactNode, type Ref } from 'react';
import { TableBlock, type EditingCell, type RowLook } from './TableBlock.tsx';
import type { CellRef, TableColumn } from './tableColumn.ts';
import { TableHeader } from './TableHeader.tsx';
import { blockRange, layoutColumns, navigate, revealCell, visibleRows, type BlockRange, type CellPosition, type ColumnSize } from './tableLayout.ts';

/** Rows rendered together; a scroll re-renders only when it brings a new block into range. */
const BLOCK_ROWS = 8;
/** Blocks rendered beyond each edge of the viewport, so a fast scroll never shows a gap. */
const OVERSCAN_BLOCKS = 1;
/** The selection column's key, for callers that list the columns (a paste plans from it). */
export const SELECT_KEY = 'select';
const SELECT_SIZE: ColumnSize = { width: 36, minWidth: 36, frozen: true };

export interface VirtualTableHandle {
  /** Back to the top with no active cell: for a new filter. */
  reset(): void;
  element(): HTMLDivElement | null;
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

  const [range, setRange] = useState<BlockRange>({ first: 0, last: -1 });
  const [viewportWidth, setViewportWidth] = useState(0);
  const viewHeight = useRef(0);
  const [resized, setResized] = useState<ReadonlyMap<number, number>>(() => new Map());
  const [active, setActive] = useState<CellPosition | null>(null);
  const [editing, setEditing] = useState<EditingCell | null>(null);
  // Set when the active cell should take focus once rendered (after a key, a click or an edit).
  const focusActive = useRef(false);

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

  /** Reads the scroll position: which rows the caller should load, and which blocks to render. */
  const measure = useCallback(
    (urgent: boolean) => {
      const element = scroller.current;
      if (!element) return;
      const view = { scrollTop: element.scrollTop, height: viewHeight.current };
      const rowsInView = visibleRows(view, headerHeight, rowHeight);
      latest.current.onVisibleRows(rowsInView.first, rowsInView.last);
      const next = blockRange(view, Number.MAX_SAFE_INTEGER, rowHeight, BLOCK_ROWS, OVERSCAN_BLOCKS);
      const apply = () => setRange((previous) => (previous.first === next.first && previous.last === next.last ? previous : next));
      // While scrolling, a new block renders in the background (React yields to the frames in
      // between); the overscan block is on screen meanwhile.
      if (urgent) apply();
      else startTransition(apply);
    },
    [headerHeight, rowHeight],
  );

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    viewHeight.current = element.clientHeight;
    setViewportWidth(element.clientWidth);
    measure(true);
    const onScroll = () => measure(false);
    element.addEventListener('scroll', onScroll, { passive: true });
    const observer = new ResizeObserver(() => {
      viewHeight.current = element.clientHeight;
      setViewportWidth(element.clientWidth);
      measure(true);
    });
    observer.observe(element);
    return () => {
      element.removeEventListener('scroll', onScroll);
      observer.disconnect();
    };
  }, [measure]);

  // The active cell outlives the rows it pointed at when a filter shortens the list.
  const current = active !== null && active.rowIdx < rows.length && active.colIdx < sizes.length ? active : null;

  const activeRow = current?.rowIdx ?? -1;
  const activeCol = current?.colIdx ?? -1;
  useEffect(() => {
    const column = activeCol === 0 ? SELECT_KEY : columns[activeCol - 1]?.key;
    latest.current.onActiveChange(activeRow < 0 || column === undefined ? null : { rowIdx: activeRow, columnKey: column });
  }, [activeRow, activeCol, columns]);

  const cellElement = useCallback((cell: CellPosition) => scroller.current?.querySelector<HTMLElement>(`[aria-rowindex="${cell.rowIdx + 2}"] > [aria-colindex="${cell.colIdx + 1}"]`) ?? null, []);

  useLayoutEffect(() => {
    if (!focusActive.current || current === null || editing !== null) return;
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
      focusActive.current = true;
      setActive(cell);
      // Moving on ends an edit; its blur has committed it.
      setEditing(null);
    },
    [layout, rowHeight, headerHeight],
  );

  const startEdit = useCallback(
    (cell: CellPosition, typed?: string): boolean => {
      const row = latest.current.rows[cell.rowIdx];
      const column = columns[cell.colIdx - 1];
      if (row === undefined || column?.editable === undefined || !isLoaded(row) || !column.editable(row)) return false;
      setEditing({ colIdx: cell.colIdx, initial: typed ?? column.editText?.(row) ?? '', replace: typed !== undefined });
      return true;
    },
    [columns, isLoaded],
  );

  const look = useMemo<RowLook<Row>>(
    () => ({
      rowClass,
      canSelect: isLoaded,
      selectLabel: labels.selectRow,
      onCommit: (rowIdx, colIdx, text, refocus) => {
        focusActive.current = refocus;
        setEditing(null);
        const row = latest.current.rows[rowIdx];
        const column = latest.current.columns[colIdx - 1];
        if (row !== undefined && column !== undefined && latest.current.isLoaded(row)) latest.current.onEdit(row, column.key, text);
      },
      onCancel: () => {
        focusActive.current = true;
        setEditing(null);
      },
    }),
    [rowClass, isLoaded, labels.selectRow],
  );

  useImperativeHandle(
    props.ref,
    () => ({
      reset: () => {
        scroller.current?.scrollTo({ top: 0 });
        setActive(null);
        setEditing(null);
      },
      element: () => scroller.current,
    }),
    [],
  );

  /** The body cell an event happened in, skipping the header and an open editor. */
  const hitCell = (target: EventTarget): { cell: CellPosition; element: HTMLElement; row: Row } | null => {
    if (!(target instanceof Element) || target.closest('.vt-editing')) return null;
    const element = target.closest<HTMLElement>('[role="gridcell"]');
    const rowIndex = Number(element?.parentElement?.getAttribute('aria-rowindex'));
    const cell = { rowIdx: rowIndex - 2, colIdx: Number(element?.getAttribute('aria-colindex')) - 1 };
    const row = rows[cell.rowIdx];
    return element && row !== undefined ? { cell, element, row } : null;
  };

  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const hit = hitCell(event.target);
    if (!hit) return;
    moveTo(hit.cell);
    if (hit.cell.colIdx !== 0) props.onRowClick(hit.cell.rowIdx, event);
    else if (isLoaded(hit.row)) props.onToggleRow(hit.cell.rowIdx, event.shiftKey);
  };

  const onDoubleClick = (event: MouseEvent<HTMLDivElement>) => {
    const hit = hitCell(event.target);
    // Double-click opens the row; editing starts with Enter, F2 or typing.
    if (hit && hit.cell.colIdx !== 0 && isLoaded(hit.row)) props.onOpenRow(hit.row);
  };

  const onContextMenu = (event: MouseEvent<HTMLDivElement>) => {
    const hit = hitCell(event.target);
    if (!hit) return;
    event.preventDefault();
    moveTo(hit.cell);
    if (!isLoaded(hit.row)) return;
    // The ContextMenu key also fires this event, at (0, 0): place the menu by the cell then.
    const fromKeyboard = event.clientX === 0 && event.clientY === 0;
    props.onMenu(hit.row, hit.element, fromKeyboard ? undefined : event.clientX, fromKeyboard ? undefined : event.clientY);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Keys on the header's checkbox or an open editor are theirs, not the active cell's.
    if (current === null || editing !== null || !(event.target instanceof Element) || event.target.getAttribute('role') !== 'gridcell') return;
    const row = rows[current.rowIdx];
    if (row === undefined) return;
    const pageRows = Math.floor((viewHeight.current - headerHeight) / rowHeight);
    const next = navigate(current, event, { rows: rows.length, columns: sizes.length, pageRows });
    const command = event.ctrlKey || event.metaKey;
    if (next) {
      event.preventDefault();
      moveTo(next);
    } else if (event.key === 'ContextMenu' || (event.shiftKey && event.key === 'F10')) {
      event.preventDefault();
      const element = cellElement(current);
      if (element && isLoaded(row)) props.onMenu(row, element);
    } else if (command && event.key.toLowerCase() === 'a') {
      event.preventDefault();
      props.onToggleAll(true);
    } else if (event.key === ' ' && current.colIdx === 0) {
      event.preventDefault();
      if (isLoaded(row)) props.onToggleRow(current.rowIdx, event.shiftKey);
    } else if (event.key === 'Enter' && !command && !event.altKey) {
      event.preventDefault();
      // Enter edits an editable cell; on any other cell it opens the row.
      if (!startEdit(current) && isLoaded(row)) props.onOpenRow(row);
    } else if (event.key === 'F2') {
      event.preventDefault();
      startEdit(current);
    } else if (event.key.length === 1 && !command && !event.altKey && startEdit(current, event.key)) {
      event.preventDefault();
    }
  };

  const onCopy = (event: ClipboardEvent<HTMLDivElement>) => {
    if (current === null || current.colIdx === 0 || editing !== null || (event.target as Element).closest('input')) return;
    const row = rows[current.rowIdx];
    const column = columns[current.colIdx - 1];
    if (row === undefined || column === undefined || !isLoaded(row)) return;
    event.clipboardData.setData('text/plain', props.copyText(row, column.key));
    event.preventDefault();
  };

  // Tabbing into the table with no active cell starts at the first row in view.
  const onFocus = (event: FocusEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget || current !== null || rows.length === 0) return;
    const first = Math.min(rows.length - 1, Math.floor(event.currentTarget.scrollTop / rowHeight));
    moveTo({ rowIdx: first, colIdx: 1 });
  };

  const blockCount = Math.ceil(rows.length / BLOCK_ROWS);
  const shown: number[] = [];
  for (let block = range.first; block <= Math.min(range.last, blockCount - 1); block += 1) shown.push(block);
  const activeBlock = current === null ? -1 : Math.floor(current.rowIdx / BLOCK_ROWS);
  if (activeBlock >= 0 && !shown.includes(activeBlock)) shown.push(activeBlock);

  const loadedRows = useMemo(() => rows.filter(isLoaded).length, [rows, isLoaded]);
  const allSelected = selected.size === 0 ? false : selected.size >= loadedRows ? true : 'some';

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
        selectAllLabel={labels.selectAll}
        onToggleAll={props.onToggleAll}
        onResize={(colIdx, width) => setResized((previous) => new Map(previous).set(colIdx, width))}
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
