import './grid.css';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
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
import type { CellRef } from './table/tableColumn.ts';
import { SELECT_KEY, VirtualTable, type VirtualTableHandle } from './table/VirtualTable.tsx';
import { useCostUnit } from './useCostUnit.ts';
import { useDebouncedValue } from './useDebouncedValue.ts';
import { useGridColumns } from './useGridColumns.tsx';
import { useGridPaste } from './useGridPaste.ts';
import { useGridSelection } from './useGridSelection.ts';
import { useRowEdits } from './useRowEdits.ts';
import { useRowMenu } from './useRowMenu.tsx';
import { useRowPager } from './useRowPager.ts';

/** One fixed height, tall enough for the video thumbnail: it keeps scrolling arithmetic exact. */
const ROW_HEIGHT = 40;
const HEADER_HEIGHT = 36;
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
  const tableRef = useRef<VirtualTableHandle>(null);
  const activeCell = useRef<CellRef | null>(null);

  const [filter, setFilter] = useState<GridFilter>(initialFilter);
  const search = useDebouncedValue(filter.search, SEARCH_DEBOUNCE_MS);
  const query = useMemo(() => toRowQuery(batchId, { status: filter.status, pick: filter.pick, search }), [batchId, filter.status, filter.pick, search]);
  const { pager, snapshot } = useRowPager(query);

  const byId = useRowsStore((state) => state.byId);
  const [placeholders] = useState<PlaceholderRow[]>(() => []);
  // `snapshot` changes whenever the pager's pages do; the pager itself is stable.
  const rows = useMemo(() => buildGridRows(snapshot.total ?? 0, pager.loadedPages(), byId, placeholders), [snapshot, pager, byId, placeholders]);

  const columns = useGridColumns(useCostUnit(batchId));
  const columnKeys = useMemo(() => [SELECT_KEY, ...columns.map((column) => column.key)], [columns]);
  const { selected, setSelected, clickRow, toggleRow, toggleAll, clear } = useGridSelection();
  const commitEdits = useRowEdits(batchId);
  const { openMenu, menuElement } = useRowMenu(selected, setSelected);
  const onPaste = useGridPaste({ pager, columnKeys, active: activeCell, commitEdits });

  // A new filter starts at the top with nothing selected: a selection the filter hides would
  // otherwise be acted on unseen.
  const queryKey = JSON.stringify(query);
  useEffect(() => {
    clear();
    tableRef.current?.reset();
  }, [queryKey, clear]);

  const onEdit = useCallback(
    (edited: GridRow, field: string, text: string) => {
      if (isPlaceholder(edited) || !isEditField(field)) return;
      // The row as it is now: it may have changed (or started running) while the editor was open.
      // If its page has been let go meanwhile, the row as it was still says which row it is.
      const row = useRowsStore.getState().byId[edited.id] ?? edited;
      if (fieldText(row, field) === text) return;
      void commitEdits([{ row, fields: { [field]: text } }]);
    },
    [commitEdits],
  );

  const onMenu = useCallback(
    (row: GridRow, cell: Element, x?: number, y?: number) => {
      if (isPlaceholder(row)) return;
      const rect = cell.getBoundingClientRect();
      openMenu(row, x ?? rect.left + Math.min(rect.width / 2, 48), y ?? rect.bottom);
    },
    [openMenu],
  );

  const copyText = useCallback(
    (row: GridRow, columnKey: string) => {
      if (isPlaceholder(row)) return '';
      const labels = { status: (status: RowStatus) => t(`grid.status.${status}`), problem: (problem: RowView) => rowProblem(problem, locale) };
      return cellText(row, columnKey, labels);
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
        <VirtualTable<GridRow>
          ref={tableRef}
          testId="batch-grid"
          label={t('grid.label')}
          labels={{ selectAll: t('grid.select.all'), selectRow: t('grid.select.row') }}
          columns={columns}
          rows={rows}
          rowKey={rowKey}
          rowClass={rowClass}
          isLoaded={isLoaded}
          rowHeight={ROW_HEIGHT}
          headerHeight={HEADER_HEIGHT}
          selected={selected}
          onToggleRow={(rowIdx, shiftKey) => toggleRow(rows, rowIdx, shiftKey)}
          onToggleAll={(checked) => toggleAll(rows, checked)}
          onRowClick={(rowIdx, event) => clickRow(rows, rowIdx, event)}
          onOpenRow={(row) => onOpenRow(row.id)}
          onMenu={onMenu}
          onEdit={onEdit}
          copyText={copyText}
          onVisibleRows={(first, last) => pager.setVisibleRange(first, last)}
          onActiveChange={(cell) => {
            activeCell.current = cell;
          }}
          empty={snapshot.total === 0 ? <div className="grid-no-rows">{t('grid.noRows')}</div> : null}
        />
      </div>
      {menuElement}
    </div>
  );
}

const isLoaded = (row: GridRow) => !isPlaceholder(row);

const rowClass = (row: GridRow) => (isPlaceholder(row) ? 'grid-row-placeholder' : `grid-row-${row.status}`);
