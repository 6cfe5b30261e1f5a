import { useMemo, type ReactNode } from 'react';
import type { Column, RenderCellProps } from 'react-data-grid';
import type { RowView } from '../../../shared/domain/batch.ts';
import type { MessageKey } from '../../../shared/i18n/en.ts';
import { useLocale, useT } from '../../i18n/useT.ts';
import { formatCost } from './formatCost.ts';
import { GridCellEditor } from './GridCellEditor.tsx';
import { isPlaceholder, type EditField, type GridRow } from './gridRow.ts';
import { OutputThumbnail } from './OutputThumbnail.tsx';
import { isEditableStatus } from './rowStatusSets.ts';
import { rowProblem } from './rowProblem.ts';
import { selectColumn } from './selectColumn.tsx';
import { StatusChip } from './StatusChip.tsx';

type Cell = (row: RowView) => ReactNode;

/** Renders a loaded row's cell; a placeholder row's cells stay empty until its page arrives. */
const loaded = (render: Cell) => ({ row }: RenderCellProps<GridRow>) => (isPlaceholder(row) ? null : render(row));

const text = (value: string | number | null) => (value === null || value === '' ? null : <span title={String(value)}>{value}</span>);

const canEdit = (row: GridRow) => !isPlaceholder(row) && isEditableStatus(row.status);

/** The grid's columns (product §5), plus name, takes and priority, which a creator may edit. */
export function useGridColumns(costUnit: 'credits' | 'usd' | null): readonly Column<GridRow>[] {
  const t = useT();
  const locale = useLocale();

  return useMemo(() => {
    const editable = (key: EditField, nameKey: MessageKey, width: number, render: Cell, cellClass?: string): Column<GridRow> => ({
      key,
      name: t(nameKey),
      width,
      cellClass,
      editable: canEdit,
      renderEditCell: GridCellEditor,
      renderCell: loaded(render),
    });
    const costName = costUnit === 'usd' ? t('grid.column.costUsd') : costUnit === 'credits' ? t('grid.column.costCredits') : t('grid.column.cost');

    return [
      selectColumn({ all: t('grid.select.all'), row: t('grid.select.row') }),
      {
        key: 'rowNumber',
        name: t('grid.column.row'),
        width: 64,
        frozen: true,
        cellClass: 'grid-numeric',
        renderCell: ({ row }) => (isPlaceholder(row) ? <span className="grid-skeleton" aria-label={t('grid.loadingRow')} /> : row.rowNumber),
      },
      {
        key: 'status',
        name: t('grid.column.status'),
        width: 150,
        renderCell: loaded((row) => <StatusChip status={row.status} label={t(`grid.status.${row.status}`)} progress={row.progress} />),
      },
      editable('prompt', 'grid.column.prompt', 320, (row) => text(row.prompt)),
      editable('model', 'grid.column.model', 140, (row) => text(row.model)),
      editable('resolution', 'grid.column.resolution', 96, (row) => text(row.resolution)),
      editable('duration', 'grid.column.duration', 84, (row) => (row.durationS === null ? null : t('grid.seconds', { seconds: row.durationS }))),
      editable('aspect', 'grid.column.aspect', 80, (row) => text(row.aspect)),
      editable('name', 'grid.column.name', 130, (row) => text(row.name)),
      editable('takes', 'grid.column.takes', 64, (row) => row.takes, 'grid-numeric'),
      editable('priority', 'grid.column.priority', 72, (row) => row.priority, 'grid-numeric'),
      { key: 'attempts', name: t('grid.column.attempts'), width: 84, cellClass: 'grid-numeric', renderCell: loaded((row) => row.attemptCount) },
      {
        key: 'cost',
        name: costName,
        width: 96,
        cellClass: 'grid-numeric',
        renderCell: loaded((row) => (row.costMicros === null ? null : formatCost(row.costMicros, costUnit, locale))),
      },
      {
        key: 'output',
        name: t('grid.column.output'),
        width: 84,
        renderCell: loaded((row) =>
          row.status === 'done' && row.outputAttemptId !== null ? <OutputThumbnail attemptId={row.outputAttemptId} label={t('grid.thumbnail', { row: row.rowNumber })} /> : null,
        ),
      },
      {
        key: 'error',
        name: t('grid.column.error'),
        // The last column takes the room left, so the grid fills its area on wide windows.
        width: 'minmax(280px, 1fr)',
        cellClass: 'grid-error',
        renderCell: loaded((row) => text(rowProblem(row, locale))),
      },
    ];
  }, [t, locale, costUnit]);
}
