import { useCallback, type ClipboardEvent, type RefObject } from 'react';
import { showToast } from '../../components/toastStore.ts';
import { useT } from '../../i18n/useT.ts';
import { useRowsStore } from '../../store/rowsStore.ts';
import { parseClipboardBlock } from './parseClipboardBlock.ts';
import { blockEdits, planPasteColumns } from './pasteBlock.ts';
import type { RowPager } from './rowPager.ts';
import type { CellRef } from './table/tableColumn.ts';
import type { RowEdit } from './useRowEdits.ts';

/** More lines than this is almost certainly the wrong clipboard; updateRows takes 10,000 at most. */
const PASTE_LIMIT = 5000;

/**
 * Pasting a block copied from a spreadsheet: from the active cell, its columns fill the editable
 * columns to the right and its lines the rows below (fetching rows not loaded yet), all in one
 * updateRows call. A paste into an open editor is left to the editor.
 */
export function useGridPaste(options: {
  pager: RowPager;
  columnKeys: readonly string[];
  active: RefObject<CellRef | null>;
  commitEdits: (edits: readonly RowEdit[]) => Promise<void>;
}): (event: ClipboardEvent<HTMLElement>) => void {
  const { pager, columnKeys, active, commitEdits } = options;
  const t = useT();

  const paste = useCallback(
    async (text: string, cell: CellRef) => {
      const block = parseClipboardBlock(text);
      if (block.length > PASTE_LIMIT) {
        showToast({ kind: 'warning', message: t('grid.toast.pasteTooLarge', { rows: block.length, limit: PASTE_LIMIT }) });
        return;
      }
      const width = Math.max(...block.map((line) => line.length));
      const plan = planPasteColumns(columnKeys, cell.columnKey, width);
      if (plan.fields.length === 0) {
        showToast({ kind: 'warning', message: t('grid.toast.pasteNoColumn') });
        return;
      }
      const ids = await pager.idsFor(cell.rowIdx, block.length);
      const { byId } = useRowsStore.getState();
      const edits = blockEdits(block, plan.fields, ids).flatMap((edit) => {
        const row = byId[edit.rowId];
        return row ? [{ row, fields: edit.fields }] : [];
      });
      if (plan.droppedColumns > 0) showToast({ kind: 'info', message: t('grid.toast.pasteCut', { count: plan.droppedColumns }) });
      if (edits.length > 0) await commitEdits(edits);
    },
    [columnKeys, pager, commitEdits, t],
  );

  return useCallback(
    (event: ClipboardEvent<HTMLElement>) => {
      const target = event.target as HTMLElement;
      if (target.closest('input, textarea, select, [contenteditable="true"]')) return;
      const cell = active.current;
      const text = event.clipboardData.getData('text/plain');
      if (!cell || cell.rowIdx < 0 || text === '') return;
      event.preventDefault();
      paste(text, cell).catch((error: unknown) => {
        showToast({ kind: 'error', message: t('grid.toast.editFailed', { details: error instanceof Error ? error.message : String(error) }) });
      });
    },
    [active, paste, t],
  );
}
