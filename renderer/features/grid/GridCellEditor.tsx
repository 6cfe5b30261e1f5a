import type { RenderEditCellProps } from 'react-data-grid';
import { fieldText, isPlaceholder, type EditField, type GridRow } from './gridRow.ts';

const focusAndSelect = (input: HTMLInputElement | null) => {
  input?.focus();
  input?.select();
};

/**
 * The inline editor for the editable columns. The creator's text rides on the row as `editDraft`
 * (numbers included, e.g. "8s"), because main, not the grid, decides what a value means; the grid
 * sends the text on commit. Enter commits, Escape cancels, leaving the cell commits (RDG's keys).
 */
export function GridCellEditor({ row, column, onRowChange, onClose }: RenderEditCellProps<GridRow>) {
  if (isPlaceholder(row)) return null;
  const value = row.editDraft ?? fieldText(row, column.key as EditField);
  return (
    <input
      className="grid-editor"
      data-testid="grid-editor"
      ref={focusAndSelect}
      value={value}
      aria-label={typeof column.name === 'string' ? column.name : undefined}
      onChange={(event) => onRowChange({ ...row, editDraft: event.target.value })}
      onBlur={() => onClose(true, false)}
    />
  );
}
