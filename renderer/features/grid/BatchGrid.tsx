import 'react-data-grid/lib/styles.css';
import './grid.css';
import { useCallback, useEffect, useMemo, useRef, useState, type ClipboardEvent } from 'react';
import { DataGrid, SELECT_COLUMN_KEY, type CalculatedColumn, type CellKeyboardEvent, type CellKeyDownArgs, type CellMouseArgs, type CellMouseEvent, type DataGridHandle, type PositionChangeArgs } from 'react-data-grid';
import { ApiCallError } from '../../../shared/contract/errors.ts';
import type { RowView } from '../../../shared/domain/batch.ts';
import type { RowStatus } from '../../../shared/domain/status.ts';
import { useLocale, useT } from '../../i18n/useT.ts';
import { useRowsStore } from '../../store/rowsStore.ts';
import { buildGridRows } from './buildGridRows.ts';
import { cellText } from './cellText.ts';
import { initialFilter, toRowQuery, type GridFilter } from './gridFilter.ts';
import { fieldText, isEditField, isPlaceholder, rowKey, type GridRow, type PlaceholderRow } from './gridRow.ts';
import { GridToolbar } from './GridToolbar.tsx';
import { rowProblem } from './rowProblem.ts';
import { isEditableStatus } from './rowStatusSets.ts';
import { useCostUnit } from './useCostUnit.ts';
import { useDebouncedValue } from './useDebouncedValue.ts';
import { useGridColumns } from './useGridColumns.tsx';
import { useGridPaste, type ActiveCell } from './useGridPaste.ts';
import { useGridSelection } from './useGridSelection.ts';
import { useRowEdits, type RowEdit } from './useRowEdits.ts';
import { useRowMenu } from './useRowMenu.tsx';
import { useRowPager } from './useRowPager.ts';
import { useViewportRange } from './useViewportRange.ts';

/** One fixed height, tall enough for the video thumbnail: it keeps scrolling arithmetic exact. */
const ROW_HEIGHT = 40;
const SEARCH_DEBOUNCE_MS = 300;

/**
 * A batch's rows as a spreadsheet: virtualised (only the pages around the viewport are fetched),
 * filtered, live (rows follow main's patches), editable where main allows it, with multi-select,
 * keyboard navigation, paste from Excel and a context menu.
 */
export function BatchGrid(props: { batchId: number; onOpenRow: (rowId: number) => void }) {
  const { batchId, onOpenRow } = props;
  const t = useT();
  const locale = useLocale();
  const gridRef = useRef<DataGridHandle>(null);
  const activeCell = useRef<ActiveCell | null>(null);

  const [filter, setFilter] = useState<GridFilter>(initialFilter);
  const search = useDebouncedValue(filter.search, SEARCH_DEBOUNCE_MS);
  const query = useMemo(() => toRowQuery(batchId, { status: filter.status, pick: filter.pick, search }), [batchId, filter.status, filter.pick, search]);
  const { pager, snapshot } = useRowPager(query);

  const byId = useRowsStore((state) => state.byId);
  const [placeholders] = useState<PlaceholderRow[]>(() => []);
  // `snapshot` changes whenever the pager's pages do; the pager itself is stable.
  const rows = useMemo(() => buildGridRows(snapshot.total ?? 0, pager.loadedPages(), byId, placeholders), [snapshot, pager, byId, placeholders]);

  const columns = useGridColumns(useCostUnit(batchId));
  const columnKeys = useMemo(() => columns.map((column) => column.key), [columns]);
  const { selected, setSelected, onSelectedRowsChange, clickRow, clear } = useGridSelection();
  const commitEdits = useRowEdits(batchId);
  const { openMenu, menuElement } = useRowMenu(selected, setSelected);
  const onPaste = useGridPaste({ pager, columnKeys, active: activeCell, commitEdits });
  const onScroll = useViewportRange(gridRef, ROW_HEIGHT, useCallback((first: number, last: number) => pager.setVisibleRange(first, last), [pager]));

  // A new filter starts at the top with nothing selected: a selection the filter hides would
  // otherwise be acted on unseen.
  const queryKey = JSON.stringify(query);
  useEffect(() => {
    clear();
    gridRef.current?.element?.scrollTo({ top: 0 });
  }, [queryKey, clear]);

  const onRowsChange = useCallback(
    (next: GridRow[], data: { indexes: number[]; column: CalculatedColumn<GridRow> }) => {
      const field = data.column.key;
      if (!isEditField(field)) return;
      const edits: RowEdit[] = data.indexes.flatMap((index) => {
        const edited = next[index];
        if (!edited || isPlaceholder(edited) || edited.editDraft === undefined) return [];
        const { editDraft, ...row } = edited;
        return fieldText(row, field) === editDraft ? [] : [{ row, fields: { [field]: editDraft } }];
      });
      if (edits.length > 0) void commitEdits(edits);
    },
    [commitEdits],
  );

  const openMenuAtCell = useCallback(
    (row: RowView, cell: Element, x?: number, y?: number) => {
      const rect = cell.getBoundingClientRect();
      openMenu(row, x ?? rect.left + Math.min(rect.width / 2, 48), y ?? rect.bottom);
    },
    [openMenu],
  );

  const onCellKeyDown = useCallback(
    (args: CellKeyDownArgs<GridRow>, event: CellKeyboardEvent) => {
      if (args.mode !== 'ACTIVE' || !args.row || isPlaceholder(args.row)) return;
      const row = args.row;
      if (event.key === 'ContextMenu' || (event.shiftKey && event.key === 'F10')) {
        event.preventGridDefault();
        event.preventDefault();
        openMenuAtCell(row, event.target as Element);
      } else if (event.key === 'Enter' && !event.ctrlKey && !event.altKey && args.column && !(isEditField(args.column.key) && isEditableStatus(row.status))) {
        // Enter edits an editable cell (RDG); on any other cell it opens the row's detail.
        event.preventGridDefault();
        onOpenRow(row.id);
      }
    },
    [onOpenRow, openMenuAtCell],
  );

  const onCellClick = useCallback(
    (args: CellMouseArgs<GridRow>, event: CellMouseEvent) => {
      if (args.column.key !== SELECT_COLUMN_KEY) clickRow(rows, args.rowIdx, event);
    },
    [clickRow, rows],
  );

  const onCellDoubleClick = useCallback(
    (args: CellMouseArgs<GridRow>, event: CellMouseEvent) => {
      if (isPlaceholder(args.row) || args.column.key === SELECT_COLUMN_KEY) return;
      // Double-click opens the detail; editing starts with Enter, F2 or typing.
      event.preventGridDefault();
      onOpenRow(args.row.id);
    },
    [onOpenRow],
  );

  const onCellContextMenu = useCallback(
    (args: CellMouseArgs<GridRow>, event: CellMouseEvent) => {
      event.preventDefault();
      if (isPlaceholder(args.row)) return;
      // The ContextMenu key also fires this event, at (0, 0): place the menu by the cell then.
      const fromKeyboard = event.clientX === 0 && event.clientY === 0;
      openMenuAtCell(args.row, event.currentTarget, fromKeyboard ? undefined : event.clientX, fromKeyboard ? undefined : event.clientY);
    },
    [openMenuAtCell],
  );

  const onActivePositionChange = useCallback((args: PositionChangeArgs<GridRow>) => {
    activeCell.current = args.column ? { rowIdx: args.rowIdx, columnKey: args.column.key } : null;
  }, []);

  const onCellCopy = useCallback(
    ({ row, column }: { row: GridRow; column: CalculatedColumn<GridRow> }, event: ClipboardEvent<HTMLDivElement>) => {
      if (isPlaceholder(row)) return;
      const labels = { status: (status: RowStatus) => t(`grid.status.${status}`), problem: (problem: RowView) => rowProblem(problem, locale) };
      event.clipboardData.setData('text/plain', cellText(row, column.key, labels));
      event.preventDefault();
    },
    [t, locale],
  );

  const error = snapshot.error;
  return (
    <div className="grid-root" data-testid="batch-grid-root">
      <GridToolbar filter={filter} onChange={setFilter} total={snapshot.total} selected={selected.size} />
      {error !== null && (
        <div className="grid-load-error" role="alert">
          <span>{t('grid.loadFailed', { details: error instanceof ApiCallError ? t(`error.${error.code}`, { details: error.message }) : String(error) })}</span>
          <button type="button" onClick={() => pager.refresh()}>
            {t('grid.retry')}
          </button>
        </div>
      )}
      <div className="grid-frame" onPaste={onPaste}>
        <DataGrid<GridRow, unknown, number>
          ref={gridRef}
          className="grid-table"
          data-testid="batch-grid"
          aria-label={t('grid.label')}
          columns={columns}
          rows={rows}
          rowKeyGetter={rowKey}
          rowHeight={ROW_HEIGHT}
          headerRowHeight={36}
          defaultColumnOptions={{ resizable: true, minWidth: 48 }}
          rowClass={rowClass}
          selectedRows={selected}
          onSelectedRowsChange={onSelectedRowsChange}
          isRowSelectionDisabled={isPlaceholder}
          onRowsChange={onRowsChange}
          onCellKeyDown={onCellKeyDown}
          onCellClick={onCellClick}
          onCellDoubleClick={onCellDoubleClick}
          onCellContextMenu={onCellContextMenu}
          onActivePositionChange={onActivePositionChange}
          onCellCopy={onCellCopy}
          // Returning the row unchanged makes RDG leave Ctrl+V to our block paste (onPaste above)
          // instead of opening the cell's editor.
          onCellPaste={keepRow}
          onScroll={onScroll}
          renderers={{ noRowsFallback: snapshot.total === 0 ? <div className="grid-no-rows">{t('grid.noRows')}</div> : null }}
        />
      </div>
      {menuElement}
    </div>
  );
}

const keepRow = ({ row }: { row: GridRow }) => row;

const rowClass = (row: GridRow) => (isPlaceholder(row) ? 'grid-row-placeholder' : `grid-row-${row.status}`);
