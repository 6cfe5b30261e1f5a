import { useCallback } from 'react';
import { ApiCallError } from '../../../shared/contract/errors.ts';
import type { RowEditFields } from '../../../shared/contract/reviewSchemas.ts';
import type { RowView } from '../../../shared/domain/batch.ts';
import { useApi } from '../../api/apiContext.ts';
import { showToast } from '../../components/toastStore.ts';
import { useT } from '../../i18n/useT.ts';
import { useRowsStore } from '../../store/rowsStore.ts';
import { isEditField, withEdit, withFieldsOf } from './gridRow.ts';
import { isEditableStatus } from './rowStatusSets.ts';

export interface RowEdit {
  row: RowView;
  fields: RowEditFields;
}

/**
 * Sends edits to main in one updateRows call. The grid shows the new values at once; main
 * re-validates and sends the row back as a patch (with an error message when a value is wrong).
 * Rows main refuses (running or done by then) get their old values back, with a notice.
 */
export function useRowEdits(batchId: number): (edits: readonly RowEdit[]) => Promise<void> {
  const api = useApi();
  const t = useT();

  return useCallback(
    async (edits) => {
      // Rows already running or done are left out here too, so they never flash a value main will refuse.
      const sendable = edits.filter((edit) => isEditableStatus(edit.row.status) && Object.keys(edit.fields).length > 0);
      const skipped = edits.length - sendable.length;
      if (sendable.length === 0) {
        if (skipped > 0) showToast({ kind: 'warning', message: t('grid.toast.refused', { count: skipped }) });
        return;
      }
      useRowsStore.getState().replaceRows(sendable.map((edit) => optimistic(edit)));

      try {
        const answer = await api.updateRows({ batchId, edits: sendable.map((edit) => ({ rowId: edit.row.id, fields: edit.fields })) });
        const refusedIds = new Set(answer.refused.map((entry) => entry.rowId));
        const refused = sendable.filter((edit) => refusedIds.has(edit.row.id));
        revert(refused);
        if (refused.length + skipped > 0) showToast({ kind: 'warning', message: t('grid.toast.refused', { count: refused.length + skipped }) });
      } catch (error) {
        revert(sendable);
        const details = error instanceof Error ? error.message : String(error);
        const message = error instanceof ApiCallError ? t(`error.${error.code}`, { details }) : details;
        showToast({ kind: 'error', message: t('grid.toast.editFailed', { details: message }) });
      }
    },
    [api, batchId, t],
  );
}

/** Puts back the edited fields only: a patch may have changed the rest of the row meanwhile. */
function revert(edits: readonly RowEdit[]): void {
  const { byId, replaceRows } = useRowsStore.getState();
  replaceRows(
    edits.flatMap((edit) => {
      const current = byId[edit.row.id];
      return current ? [withFieldsOf(current, edit.row, Object.keys(edit.fields).filter(isEditField))] : [];
    }),
  );
}

function optimistic(edit: RowEdit): RowView {
  let row = edit.row;
  for (const [field, text] of Object.entries(edit.fields)) if (isEditField(field) && text !== undefined) row = withEdit(row, field, text);
  return row;
}
