import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Store } from '../db/store.ts';
import { IMPORT_CHUNK_ROWS, type ImportedRow } from '../db/sheetsRepo.ts';
import type { InspectedSheet } from './inspectInWorker.ts';
import { headerSignature } from './map/mapColumns.ts';
import { sheetFields } from './map/sheetFields.ts';
import type { InspectedRow, SheetInspection } from './inspectSheet.ts';

/** An inspected row as the database stores it; unreadable values stay only in its source cells and issues. */
function toImportedRow(row: InspectedRow, duplicateOf: number | null): ImportedRow {
  return {
    rowNumber: row.row,
    prompt: row.request.prompt,
    model: row.model,
    resolution: row.request.resolution ?? null,
    durationS: row.request.durationS ?? null,
    aspect: row.request.aspectRatio ?? null,
    imageUrl: row.request.images?.join('\n') ?? null,
    name: row.name,
    takes: row.takes,
    priority: row.priority,
    source: row.source,
    issues: row.issues.length > 0 ? row.issues.map(({ field, code, messageKey, params }) => ({ field, code, messageKey, params })) : null,
    duplicateKey: row.duplicateKey,
    duplicateOf,
  };
}

export interface ImportSummary {
  batchId: number;
  rows: number;
  rowsWithIssues: number;
  /** Rows making the same video as an earlier row of the sheet, or as a done row of an earlier batch. */
  duplicates: { row: number; sameAsRow: number; batchId: number; done: boolean }[];
}

/**
 * Writes an inspected sheet as a new batch. The rows go in chunks (the engine keeps writing in
 * between), under a batch that stays hidden until the last one is in; if anything fails the batch
 * is removed, so a sheet is imported whole or not at all.
 */
export async function importInspection(
  store: Store,
  inspection: SheetInspection | InspectedSheet,
  source: { name: string; file: string | null },
  options: { hidden?: boolean } = {},
): Promise<ImportSummary> {
  const { grid, headerRow, mapping } = inspection;
  const batchId = store.sheets.beginImport({
    name: source.name,
    sourceFile: source.file,
    headers: inspection.headers,
    info: { format: grid.format, encoding: grid.encoding, delimiter: grid.delimiter, sheet: grid.sheet, headerRow, mapping },
  });
  const duplicates: ImportSummary['duplicates'] = [];
  let rowCount = 0;
  let rowsWithIssues = 0;
  try {
    for (const rows of chunksOf(inspection)) {
      const done = store.sheets.doneRowsByKey(rows.map((row) => row.duplicateKey).filter((key) => key !== null));
      const chunk = rows.map((row) => {
        const earlier = row.duplicateKey === null ? undefined : done.get(row.duplicateKey);
        if (row.sameAsRow !== null) duplicates.push({ row: row.row, sameAsRow: row.sameAsRow, batchId, done: false });
        else if (earlier) duplicates.push({ row: row.row, sameAsRow: earlier.rowNumber, batchId: earlier.batchId, done: true });
        if (row.issues.length > 0) rowsWithIssues += 1;
        return toImportedRow(row, earlier?.rowId ?? null);
      });
      store.sheets.addRows(batchId, chunk);
      rowCount += chunk.length;
      await nextTurn();
    }
    // Hidden: the caller shows it (`finishImport`) once the creator confirms, or discards it.
    if (!options.hidden) store.sheets.finishImport(batchId);
    // The next sheet with these headers is mapped the same way (unmapped fields stay unmapped).
    const template = Object.fromEntries(sheetFields.map((field) => [field, inspection.mapping[field] ?? null]));
    store.sheets.saveMappingTemplate(headerSignature(inspection.headers), source.name, template);
  } catch (error) {
    store.sheets.discardImport(batchId);
    throw error;
  }
  return { batchId, rows: rowCount, rowsWithIssues, duplicates };
}

/** The rows in chunks of at most IMPORT_CHUNK_ROWS, each written in its own transaction. */
function* chunksOf(inspection: SheetInspection | InspectedSheet): Generator<InspectedRow[]> {
  const source = 'rowChunks' in inspection ? inspection.rowChunks() : [inspection.rows];
  for (const rows of source) {
    for (let start = 0; start < rows.length; start += IMPORT_CHUNK_ROWS) yield rows.slice(start, start + IMPORT_CHUNK_ROWS);
  }
}

export interface CorrectionSummary {
  batchId: number | null;
  updated: number[];
  /** Rows that were not changed, and why (in English; `reason` codes for other languages). */
  skipped: { row: number; reason: 'no_row_id' | 'unknown_row_id' | 'running_or_done' | 'other_batch'; rowId: number | null }[];
}

// A row can be corrected while nothing is running for it and it has not produced its video.
const correctable = new Set(['draft', 'queued', 'paused', 'failed', 'cancelled']);

/**
 * Applies a correction sheet (Genvid's failed-rows export, edited): each row updates the row with
 * its `genvid_row_id` in place; nothing is added, so re-importing never duplicates a row.
 */
export function applyCorrections(store: Store, inspection: SheetInspection): CorrectionSummary {
  const ids = inspection.rows.map((row) => row.rowId).filter((id) => id !== null);
  const known = store.sheets.rowsById(ids);
  const batchCounts = new Map<number, number>();
  for (const { batchId } of known.values()) batchCounts.set(batchId, (batchCounts.get(batchId) ?? 0) + 1);
  // The batch most of the ids belong to; ids from another batch are refused rather than mixed in.
  const batchId = [...batchCounts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  const skipped: CorrectionSummary['skipped'] = [];
  const updates: (ImportedRow & { rowId: number })[] = [];
  const seen = new Set<number>();
  const batchHeaders = batchId === null ? [] : (store.sheets.batchHeaders(batchId)?.headers ?? []);
  for (const row of inspection.rows) {
    const existing = row.rowId === null ? undefined : known.get(row.rowId);
    if (row.rowId === null) skipped.push({ row: row.row, reason: 'no_row_id', rowId: null });
    else if (!existing || seen.has(row.rowId)) skipped.push({ row: row.row, reason: 'unknown_row_id', rowId: row.rowId });
    else if (existing.batchId !== batchId) skipped.push({ row: row.row, reason: 'other_batch', rowId: row.rowId });
    else if (!correctable.has(existing.status)) skipped.push({ row: row.row, reason: 'running_or_done', rowId: row.rowId });
    else {
      seen.add(row.rowId);
      // The row keeps its number in the batch; only what it asks for changes.
      updates.push({ ...toImportedRow({ ...row, source: inputColumns(row.source, batchHeaders) }, null), rowNumber: existing.rowNumber, rowId: row.rowId });
    }
  }
  store.sheets.correctRows(updates);
  return { batchId, updated: updates.map((row) => row.rowId), skipped };
}

/** The batch's own input columns, as corrected: Genvid's id, error and status columns are not input. */
function inputColumns(source: Record<string, string>, headers: readonly string[]): Record<string, string> {
  return Object.fromEntries(headers.map((header) => [header, source[header] ?? '']));
}
