import type { Locale } from '../../shared/i18n/locale.ts';
import { translate } from '../../shared/i18n/translate.ts';
import type { Store } from '../db/store.ts';
import { resultTable } from './write/resultColumns.ts';
import { writeCsv } from './write/writeCsv.ts';
import { writeXlsx } from './write/writeXlsx.ts';

export type ExportFormat = 'csv' | 'csv-gbk' | 'xlsx';

export interface ExportRequest {
  batchId: number;
  format: ExportFormat;
  /** The failed-rows correction sheet: rows that failed or could not run, their input columns and why. */
  correction: boolean;
  locale: Locale;
  timeZone?: string | undefined;
}

/** A batch's rows as a file: every input column plus what Genvid recorded (or a correction sheet). */
export function exportBatch(store: Store, request: ExportRequest): { bytes: Uint8Array; rows: number } | undefined {
  const batch = store.sheets.batchHeaders(request.batchId);
  if (!batch) return undefined;
  const records = store.sheets.exportRows(request.batchId, { failedOnly: request.correction }).map((row) => ({
    rowId: row.rowId,
    rowNumber: row.rowNumber,
    source: row.source,
    sourceHeaders: batch.headers,
    status: row.status,
    error: row.errorMessage ?? row.importIssues?.map((issue) => translate(request.locale, issue.messageKey, issue.params)).join(' ') ?? null,
    attempts: row.attempts,
    cost: row.costMicros !== null && row.costUnit !== null ? { amount: row.costMicros / 1_000_000, unit: row.costUnit } : null,
    taskIds: row.taskIds,
    filePaths: row.filePaths,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    finishedAt: row.finishedAt,
  }));
  const table = resultTable(records, { locale: request.locale, correction: request.correction, sourceHeaders: batch.headers, timeZone: request.timeZone });
  const bytes = request.format === 'xlsx' ? writeXlsx(table, { sheetName: batch.name }) : writeCsv(table, { encoding: request.format === 'csv-gbk' ? 'gbk' : 'utf-8-bom' });
  return { bytes, rows: records.length };
}
