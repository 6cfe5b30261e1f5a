import type { RowView } from '../../../shared/domain/batch.ts';
import type { RowStatus } from '../../../shared/domain/status.ts';
import { fieldText, isEditField } from './gridRow.ts';

/** A cell as plain text, for Ctrl+C: what a creator pastes back into a sheet or a message. */
export function cellText(row: RowView, columnKey: string, labels: { status: (status: RowStatus) => string; problem: (row: RowView) => string | null }): string {
  if (isEditField(columnKey)) return fieldText(row, columnKey);
  switch (columnKey) {
    case 'rowNumber':
      return String(row.rowNumber);
    case 'status':
      return labels.status(row.status);
    case 'attempts':
      return String(row.attemptCount);
    case 'cost':
      return row.costMicros === null ? '' : String(row.costMicros / 1_000_000);
    case 'output':
      return row.outputPath ?? '';
    case 'error':
      return labels.problem(row) ?? '';
    default:
      return '';
  }
}
