import { useMemo, type ReactNode } from 'react';
import type { RowView } from '../../../shared/domain/batch.ts';
import type { MessageKey } from '../../../shared/i18n/en.ts';
import { useLocale, useT } from '../../i18n/useT.ts';
import { formatCost } from './formatCost.ts';
import { fieldText, isPlaceholder, type EditField, type GridRow } from './gridRow.ts';
import { OutputThumbnail } from './OutputThumbnail.tsx';
import { isEditableStatus } from './rowStatusSets.ts';
import { rowProblem } from './rowProblem.ts';
import { StatusChip } from './StatusChip.tsx';
import type { TableColumn } from './table/tableColumn.ts';

type Cell = (row: RowView) => ReactNode;

/** Renders a loaded row's cell; a placeholder row's cells stay empty until its page arrives. */
const loaded = (render: Cell) => (row: GridRow) => (isPlaceholder(row) ? null : render(row));

const text = (value: string | number | null) => (value === null || value === '' ? null : <span title={String(value)}>{value}</span>);

const canEdit = (row: GridRow) => !isPlaceholder(row) && isEditableStatus(row.status);

const MIN_WIDTH = 48;

/** The grid's columns (product §5), plus name, takes and priority, which a creator may edit. */
export function useGridColumns(costUnit: 'credits' | 'usd' | null): readonly TableColumn<GridRow>[] {
  const t = useT();
  const locale = useLocale();

  return useMemo(() => {
    const column = (key: string, nameKey: MessageKey, width: number, render: Cell, cellClass?: string): TableColumn<GridRow> => ({
      key,
      name: t(nameKey),
      width,
      minWidth: MIN_WIDTH,
      cellClass,
      renderCell: loaded(render),
    });
    const editable = (key: EditField, nameKey: MessageKey, width: number, render: Cell, cellClass?: string): TableColumn<GridRow> => ({
      ...column(key, nameKey, width, render, cellClass),
      editable: canEdit,
      editText: (row) => (isPlaceholder(row) ? '' : fieldText(row, key)),
    });
    const costName = costUnit === 'usd' ? 'grid.column.costUsd' : costUnit === 'credits' ? 'grid.column.costCredits' : 'grid.column.cost';

    return [
      {
        key: 'rowNumber',
        name: t('grid.column.row'),
        width: 64,
        minWidth: MIN_WIDTH,
        frozen: true,
        cellClass: 'grid-numeric',
        renderCell: (row) => (isPlaceholder(row) ? <span className="grid-skeleton" aria-label={t('grid.loadingRow')} /> : row.rowNumber),
      },
      column('status', 'grid.column.status', 150, (row) => <StatusChip status={row.status} label={t(`grid.status.${row.status}`)} progress={row.progress} />),
      editable('prompt', 'grid.column.prompt', 320, (row) => text(row.prompt)),
      editable('model', 'grid.column.model', 140, (row) => text(row.model)),
      editable('resolution', 'grid.column.resolution', 96, (row) => text(row.resolution)),
      editable('duration', 'grid.column.duration', 84, (row) => (row.durationS === null ? null : t('grid.seconds', { seconds: row.durationS }))),
      editable('aspect', 'grid.column.aspect', 80, (row) => text(row.aspect)),
      editable('name', 'grid.column.name', 130, (row) => text(row.name)),
      editable('takes', 'grid.column.takes', 64, (row) => row.takes, 'grid-numeric'),
      editable('priority', 'grid.column.priority', 72, (row) => row.priority, 'grid-numeric'),
      column('attempts', 'grid.column.attempts', 84, (row) => row.attemptCount, 'grid-numeric'),
      column('cost', costName, 96, (row) => (row.costMicros === null ? null : formatCost(row.costMicros, costUnit, locale)), 'grid-numeric'),
      column(
        'output',
        'grid.column.output',
        84,
        (row) => (row.status === 'done' && row.outputAttemptId !== null ? <OutputThumbnail attemptId={row.outputAttemptId} label={t('grid.thumbnail', { row: row.rowNumber })} /> : null),
        'grid-output',
      ),
      // The last column takes the room left, so the grid fills its area on wide windows.
      { ...column('error', 'grid.column.error', 280, (row) => text(rowProblem(row, locale)), 'grid-error'), fill: true },
    ];
  }, [t, locale, costUnit]);
}
