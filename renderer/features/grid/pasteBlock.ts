import type { RowEditFields } from '../../../shared/contract/reviewSchemas.ts';
import { isEditField, type EditField } from './gridRow.ts';

export interface PastePlan {
  /** The edit fields the block's columns land in, left to right. */
  fields: EditField[];
  /** How many of the block's columns had no editable column left to land in. */
  droppedColumns: number;
}

/**
 * Where a pasted block's columns go: the editable columns from the active one rightwards, in the
 * grid's order, skipping the read-only ones between them (status, attempts…), the way a creator
 * reads the grid when they copy the same columns out of their sheet.
 */
export function planPasteColumns(columnKeys: readonly string[], startKey: string, blockWidth: number): PastePlan {
  const start = Math.max(0, columnKeys.indexOf(startKey));
  const fields = columnKeys.slice(start).filter(isEditField).slice(0, blockWidth);
  return { fields, droppedColumns: blockWidth - fields.length };
}

/** One edit per line of the block; an empty cell clears its field, a missing one (a short line) leaves it. */
export function blockEdits(block: readonly (readonly string[])[], fields: readonly EditField[], rowIds: readonly number[]): { rowId: number; fields: RowEditFields }[] {
  const edits: { rowId: number; fields: RowEditFields }[] = [];
  block.forEach((cells, line) => {
    const rowId = rowIds[line];
    if (rowId === undefined) return;
    const edit: RowEditFields = {};
    fields.forEach((field, column) => {
      const cell = cells[column];
      if (cell !== undefined) edit[field] = cell;
    });
    edits.push({ rowId, fields: edit });
  });
  return edits;
}
