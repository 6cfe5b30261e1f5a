import type { RowStatus } from '../../shared/domain/status.ts';
import type { MessageKey } from '../../shared/i18n/en.ts';
import type { MessageParams } from '../../shared/i18n/translate.ts';
import type { Db } from './connection.ts';
import type { JobRow } from './jobsRepo.ts';

/** A row as an import writes it: what it asks for (as the engine reads it), and its sheet cells. */
export interface ImportedRow extends Pick<JobRow, 'rowNumber' | 'prompt' | 'model' | 'resolution' | 'durationS' | 'aspect' | 'imageUrl' | 'name' | 'takes' | 'priority'> {
  source: Record<string, string>;
  issues: unknown[] | null;
  duplicateKey: string | null;
  duplicateOf: number | null;
}

/** A row as an export writes it: its input columns and everything the engine recorded. */
export interface ExportRowData {
  rowId: number;
  rowNumber: number;
  source: Record<string, string>;
  status: RowStatus;
  errorMessage: string | null;
  /** Problems found at import (message keys, for any language); null when clean. */
  importIssues: { messageKey: MessageKey; params: MessageParams }[] | null;
  attempts: number;
  costMicros: number | null;
  costUnit: 'credits' | 'usd' | null;
  taskIds: string[];
  filePaths: string[];
  createdAt: number;
  updatedAt: number;
  finishedAt: number | null;
}

export interface DoneRow {
  rowId: number;
  batchId: number;
  rowNumber: number;
  outputPath: string | null;
}

type RowParams = [
  number, number, string, string | null, string | null, number | null, string | null, string | null, string | null,
  number, number, string, string | null, string | null, number | null, number, number,
];

// Rows are written in chunks of this many per transaction, so a 100,000-row import never blocks
// the engine's writes for long; the batch stays hidden until the last chunk is in.
export const IMPORT_CHUNK_ROWS = 500;

/** Importing sheets into batches, correcting rows from a correction sheet, templates and exports. */
export class SheetsRepo {
  private readonly db: Db;
  private readonly now: () => number;
  private readonly s;

  constructor(db: Db, now: () => number) {
    this.db = db;
    this.now = now;
    this.s = {
      beginBatch: db.prepare<[string, string | null, string, string, number, number]>(
        `INSERT INTO batches (name, source_file, source_headers_json, source_info_json, imported, created_at, updated_at) VALUES (?, ?, ?, ?, 0, ?, ?)`,
      ),
      insertRow: db.prepare<RowParams>(
        `INSERT INTO rows (batch_id, row_number, prompt, model, resolution, duration_s, aspect, image_url, name, takes, priority,
                           source_json, issues_json, duplicate_key, duplicate_of, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      finish: db.prepare<[number, number]>(`UPDATE batches SET imported = 1, updated_at = ? WHERE id = ?`),
      discard: db.prepare<[number]>(`DELETE FROM batches WHERE id = ? AND imported = 0`),
      discardUnfinished: db.prepare<[]>(`DELETE FROM batches WHERE imported = 0`),
      doneByKeys: db.prepare<[string], { id: number; batch_id: number; row_number: number; output_path: string | null; duplicate_key: string }>(
        `SELECT id, batch_id, row_number, output_path, duplicate_key FROM rows
          WHERE status = 'done' AND duplicate_key IN (SELECT value FROM json_each(?)) ORDER BY id`,
      ),
      templates: db.prepare<[], { header_signature: string; mapping_json: string }>(`SELECT header_signature, mapping_json FROM mapping_templates`),
      template: db.prepare<[string], { mapping_json: string }>(`SELECT mapping_json FROM mapping_templates WHERE header_signature = ?`),
      saveTemplate: db.prepare<[string, string, string, number, number]>(
        `INSERT INTO mapping_templates (name, header_signature, mapping_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (header_signature) DO UPDATE SET name = excluded.name, mapping_json = excluded.mapping_json, updated_at = excluded.updated_at`,
      ),
      rowOwner: db.prepare<[string], { id: number; batch_id: number; status: RowStatus; row_number: number }>(
        `SELECT id, batch_id, status, row_number FROM rows WHERE id IN (SELECT value FROM json_each(?))`,
      ),
      correct: db.prepare<[string, string | null, string | null, number | null, string | null, string | null, string | null, number, number, string, string | null, string | null, number, number]>(
        `UPDATE rows SET prompt = ?, model = ?, resolution = ?, duration_s = ?, aspect = ?, image_url = ?, name = ?, takes = ?, priority = ?,
                         source_json = ?, issues_json = ?, duplicate_key = ?, updated_at = ?
          WHERE id = ?`,
      ),
      duplicateOf: db.prepare<[number], { status: RowStatus; duplicate_of: number | null; original_status: RowStatus | null; original_output: string | null }>(
        `SELECT r.status, r.duplicate_of, o.status AS original_status, o.output_path AS original_output
           FROM rows r LEFT JOIN rows o ON o.id = r.duplicate_of WHERE r.id = ?`,
      ),
      reuse: db.prepare<[string, number, number]>(
        `UPDATE rows SET duplicate_choice = 'reuse', status = 'done', output_path = ?, progress = NULL, error_code = NULL, error_message = NULL, updated_at = ? WHERE id = ?`,
      ),
      runAgain: db.prepare<[number, number]>(`UPDATE rows SET duplicate_choice = 'run', updated_at = ? WHERE id = ?`),
      headers: db.prepare<[number], { source_headers_json: string; name: string }>(`SELECT source_headers_json, name FROM batches WHERE id = ?`),
      sourceInfo: db.prepare<[number], { source_headers_json: string; source_info_json: string }>(`SELECT source_headers_json, source_info_json FROM batches WHERE id = ?`),
      rowSources: db.prepare<[number, string], { id: number; source_json: string }>(`SELECT id, source_json FROM rows WHERE batch_id = ? AND id IN (SELECT value FROM json_each(?))`),
      exportRows: db.prepare<[number, number], { id: number; row_number: number; source_json: string; status: RowStatus; error_message: string | null; issues_json: string | null; created_at: number; updated_at: number }>(
        `SELECT id, row_number, source_json, status, error_message, issues_json, created_at, updated_at FROM rows
          WHERE batch_id = ? AND (? = 0 OR status IN ('failed', 'unknown', 'stale', 'cancelled') OR issues_json IS NOT NULL)
          ORDER BY row_number`,
      ),
      exportAttempts: db.prepare<[number], { row_id: number; provider_task_id: string | null; file_path: string | null; status: string; finished_at: number | null }>(
        `SELECT a.row_id, a.provider_task_id, a.file_path, a.status, a.finished_at FROM attempts a JOIN rows r ON r.id = a.row_id
          WHERE r.batch_id = ? ORDER BY a.row_id, a.id`,
      ),
      exportCosts: db.prepare<[number], { row_id: number; micros: number; unit: 'credits' | 'usd' }>(
        `SELECT a.row_id, sum(l.amount_micros) AS micros, l.unit FROM ledger l JOIN attempts a ON a.id = l.attempt_id JOIN rows r ON r.id = a.row_id
          WHERE r.batch_id = ? AND l.kind = 'settle' GROUP BY a.row_id, l.unit`,
      ),
    };
  }

  /** Creates a hidden batch for an import; rows go in with `addRows`, and `finishImport` shows it. */
  beginImport(batch: { name: string; sourceFile: string | null; headers: string[]; info: Record<string, unknown> }): number {
    const at = this.now();
    return Number(this.s.beginBatch.run(batch.name, batch.sourceFile, JSON.stringify(batch.headers), JSON.stringify(batch.info), at, at).lastInsertRowid);
  }

  addRows(batchId: number, rows: readonly ImportedRow[]): void {
    const at = this.now();
    this.db.transaction(() => {
      for (const row of rows) {
        this.s.insertRow.run(
          batchId, row.rowNumber, row.prompt, row.model, row.resolution, row.durationS, row.aspect, row.imageUrl, row.name, row.takes, row.priority,
          JSON.stringify(row.source), row.issues && row.issues.length > 0 ? JSON.stringify(row.issues) : null, row.duplicateKey, row.duplicateOf, at, at,
        );
      }
    })();
  }

  finishImport(batchId: number): void {
    this.s.finish.run(this.now(), batchId);
  }

  /** Removes an import that failed part-way (its batch was never shown). */
  discardImport(batchId: number): void {
    this.s.discard.run(batchId);
  }

  /** At start-up: imports a crash interrupted are removed whole. Returns how many. */
  discardUnfinishedImports(): number {
    return this.s.discardUnfinished.run().changes;
  }

  /** Done rows (any batch) making the same video as one of these keys: the first for each key. */
  doneRowsByKey(keys: readonly string[]): Map<string, DoneRow> {
    const found = new Map<string, DoneRow>();
    for (let start = 0; start < keys.length; start += 5_000) {
      for (const row of this.s.doneByKeys.all(JSON.stringify(keys.slice(start, start + 5_000)))) {
        if (!found.has(row.duplicate_key)) found.set(row.duplicate_key, { rowId: row.id, batchId: row.batch_id, rowNumber: row.row_number, outputPath: row.output_path });
      }
    }
    return found;
  }

  mappingTemplate(signature: string): Record<string, string | null> | undefined {
    const found = this.s.template.get(signature);
    return found ? (JSON.parse(found.mapping_json) as Record<string, string | null>) : undefined;
  }

  /** Every saved mapping by header signature (a handful: one per kind of sheet a creator uses). */
  allMappingTemplates(): Record<string, Record<string, string | null>> {
    return Object.fromEntries(this.s.templates.all().map((row) => [row.header_signature, JSON.parse(row.mapping_json) as Record<string, string | null>]));
  }

  saveMappingTemplate(signature: string, name: string, mapping: Record<string, string | null>): void {
    const at = this.now();
    this.s.saveTemplate.run(name, signature, JSON.stringify(mapping), at, at);
  }

  /** Which batch each row id belongs to, its status and number. */
  rowsById(rowIds: readonly number[]): Map<number, { batchId: number; status: RowStatus; rowNumber: number }> {
    return new Map(this.s.rowOwner.all(JSON.stringify(rowIds)).map((row) => [row.id, { batchId: row.batch_id, status: row.status, rowNumber: row.row_number }]));
  }

  /** Rewrites rows from a correction sheet, all in one transaction. */
  correctRows(rows: readonly (ImportedRow & { rowId: number })[]): void {
    const at = this.now();
    this.db.transaction(() => {
      for (const row of rows) {
        this.s.correct.run(
          row.prompt, row.model, row.resolution, row.durationS, row.aspect, row.imageUrl, row.name, row.takes, row.priority,
          JSON.stringify(row.source), row.issues && row.issues.length > 0 ? JSON.stringify(row.issues) : null, row.duplicateKey, at, row.rowId,
        );
      }
    })();
  }

  /**
   * The creator's answer for a row that makes the same video as a done row: `reuse` takes that
   * row's video (the row is done, nothing is spent); `run` keeps it to be generated again. Refused
   * (false) when the row is not a flagged duplicate waiting to run, or the original has no video.
   */
  chooseDuplicate(rowId: number, choice: 'reuse' | 'run'): boolean {
    return this.db.transaction(() => {
      const row = this.s.duplicateOf.get(rowId);
      if (!row || row.duplicate_of === null || !['draft', 'queued', 'paused', 'failed', 'cancelled'].includes(row.status)) return false;
      if (choice === 'run') return this.s.runAgain.run(this.now(), rowId).changes === 1;
      if (row.original_status !== 'done' || !row.original_output) return false;
      return this.s.reuse.run(row.original_output, this.now(), rowId).changes === 1;
    }).immediate();
  }

  /** How a batch's sheet was read: its headers and the column mapping used (for edits made in the app). */
  batchSource(batchId: number): { headers: string[]; mapping: Record<string, string | null> } | undefined {
    const found = this.s.sourceInfo.get(batchId);
    if (!found) return undefined;
    const info = JSON.parse(found.source_info_json) as { mapping?: Record<string, string | null> };
    return { headers: JSON.parse(found.source_headers_json) as string[], mapping: info.mapping ?? {} };
  }

  /** Rows' cells as read from the sheet (by header), for rows of this batch. */
  rowSources(batchId: number, rowIds: readonly number[]): Map<number, Record<string, string>> {
    return new Map(this.s.rowSources.all(batchId, JSON.stringify(rowIds)).map((row) => [row.id, JSON.parse(row.source_json) as Record<string, string>]));
  }

  batchHeaders(batchId: number): { name: string; headers: string[] } | undefined {
    const found = this.s.headers.get(batchId);
    return found && { name: found.name, headers: JSON.parse(found.source_headers_json) as string[] };
  }

  /** Every row of a batch (or only those needing correction) with what the engine recorded. */
  exportRows(batchId: number, options: { failedOnly: boolean }): ExportRowData[] {
    const attempts = new Map<number, { taskIds: string[]; filePaths: string[]; count: number; finishedAt: number | null }>();
    for (const attempt of this.s.exportAttempts.all(batchId)) {
      const entry = attempts.get(attempt.row_id) ?? { taskIds: [], filePaths: [], count: 0, finishedAt: null };
      entry.count += 1;
      if (attempt.provider_task_id) entry.taskIds.push(attempt.provider_task_id);
      if (attempt.file_path && attempt.status === 'succeeded') entry.filePaths.push(attempt.file_path);
      if (attempt.finished_at !== null) entry.finishedAt = Math.max(entry.finishedAt ?? 0, attempt.finished_at);
      attempts.set(attempt.row_id, entry);
    }
    const costs = new Map(this.s.exportCosts.all(batchId).map((cost) => [cost.row_id, cost]));
    return this.s.exportRows.all(batchId, options.failedOnly ? 1 : 0).map((row) => {
      const attempt = attempts.get(row.id);
      const cost = costs.get(row.id);
      return {
        rowId: row.id,
        rowNumber: row.row_number,
        source: JSON.parse(row.source_json) as Record<string, string>,
        status: row.status,
        errorMessage: row.error_message,
        importIssues: row.issues_json ? (JSON.parse(row.issues_json) as ExportRowData['importIssues']) : null,
        attempts: attempt?.count ?? 0,
        costMicros: cost?.micros ?? null,
        costUnit: cost?.unit ?? null,
        taskIds: attempt?.taskIds ?? [],
        filePaths: attempt?.filePaths ?? [],
        createdAt: row.created_at,
        updatedAt: row.updated_at,
        finishedAt: attempt?.finishedAt ?? null,
      };
    });
  }
}
