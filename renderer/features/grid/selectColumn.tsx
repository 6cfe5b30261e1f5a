import { SELECT_COLUMN_KEY, SelectCellFormatter, useHeaderRowSelection, useRowSelection, type Column } from 'react-data-grid';
import type { GridRow } from './gridRow.ts';

// RDG's own SelectColumn has fixed English labels; this is the same column with ours.

function HeaderCheckbox(props: { tabIndex: number; label: string }) {
  const { isIndeterminate, isRowSelected, onRowSelectionChange } = useHeaderRowSelection();
  return (
    <SelectCellFormatter
      aria-label={props.label}
      tabIndex={props.tabIndex}
      indeterminate={isIndeterminate}
      value={isRowSelected}
      onChange={(checked) => onRowSelectionChange({ checked: isIndeterminate ? false : checked })}
    />
  );
}

function RowCheckbox(props: { row: GridRow; tabIndex: number; label: string }) {
  const { isRowSelectionDisabled, isRowSelected, onRowSelectionChange } = useRowSelection();
  return (
    <SelectCellFormatter
      aria-label={props.label}
      tabIndex={props.tabIndex}
      disabled={isRowSelectionDisabled}
      value={isRowSelected}
      onChange={(checked, isShiftClick) => onRowSelectionChange({ row: props.row, checked, isShiftClick })}
    />
  );
}

export function selectColumn(labels: { all: string; row: string }): Column<GridRow> {
  return {
    key: SELECT_COLUMN_KEY,
    name: '',
    width: 36,
    minWidth: 36,
    maxWidth: 36,
    resizable: false,
    frozen: true,
    renderHeaderCell: ({ tabIndex }) => <HeaderCheckbox tabIndex={tabIndex} label={labels.all} />,
    renderCell: ({ row, tabIndex }) => <RowCheckbox row={row} tabIndex={tabIndex} label={labels.row} />,
  };
}
