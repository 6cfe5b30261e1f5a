import type { AttemptStatus } from '../../shared/domain/status.ts';
import type { Db } from './connection.ts';

export type Pick = 'picked' | 'rejected';

/** One attempt as the detail pane shows it. */
export interface AttemptDetail {
  attemptId: number;
  take: number;
  run: number;
  attemptNumber: number;
  status: AttemptStatus;
  provider: string;
  model: string;
  taskId: string | null;
  createdAt: number;
  submittedAt: number | null;
  finishedAt: number | null;
  errorClass: string | null;
  errorCode: string | null;
  errorMessage: string | null;
  retryable: boolean | null;
  costMicros: number | null;
  unit: 'credits' | 'usd' | null;
  filePath: string | null;
  fileSize: number | null;
  pick: Pick | null;
}

export interface GalleryRecord {
  attemptId: number;
  rowId: number;
  batchId: number;
  rowNumber: number;
  take: number;
  prompt: string;
  model: string;
  filePath: string;
  pick: Pick | null;
  finishedAt: number | null;
}

export type GalleryFilter = 'all' | 'picked' | 'rejected' | 'unpicked';

interface AttemptDetailRow {
  id: number; take: number; run: number; attempt_number: number; status: AttemptStatus; provider: string; model: string;
  provider_task_id: string | null; created_at: number; submitted_at: number | null; finished_at: number | null;
  error_class: string | null; error_code: string | null; error_message: string | null; retryable: number | null;
  file_path: string | null; file_size: number | null; pick: Pick | null; cost_micros: number | null; unit: 'credits' | 'usd' | null;
}

// The gallery's filter and batch (NULL: every batch) as named parameters, so one statement serves all.
const GALLERY_WHERE = `a.file_path IS NOT NULL AND a.status = 'succeeded'
  AND (@batchId IS NULL OR r.batch_id = @batchId)
  AND (@filter = 'all' OR (@filter = 'unpicked' AND a.pick IS NULL) OR a.pick = @filter)`;

/** What reviewing needs: attempts in detail, picks, the gallery of finished videos, a row's log. */
export class ReviewRepo {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      attempts: db.prepare<[number], AttemptDetailRow>(
        `SELECT a.id, a.take, a.run, a.attempt_number, a.status, a.provider, a.model, a.provider_task_id, a.created_at,
                a.submitted_at, a.finished_at, a.error_class, a.error_code, a.error_message, a.retryable, a.file_path,
                a.file_size, a.pick,
                (SELECT sum(l.amount_micros) FROM ledger l WHERE l.attempt_id = a.id AND l.kind = 'settle') AS cost_micros,
                (SELECT l.unit FROM ledger l WHERE l.attempt_id = a.id LIMIT 1) AS unit
           FROM attempts a WHERE a.row_id = ? ORDER BY a.run, a.take, a.attempt_number`,
      ),
      rowOf: db.prepare<[number], { row_id: number }>(`SELECT row_id FROM attempts WHERE id = ?`),
      setPick: db.prepare<[Pick | null, number]>(`UPDATE attempts SET pick = ? WHERE id = ? AND status = 'succeeded'`),
      file: db.prepare<[number], { file_path: string | null; batch_id: number; options_json: string | null }>(
        `SELECT a.file_path, r.batch_id, b.options_json FROM attempts a JOIN rows r ON r.id = a.row_id JOIN batches b ON b.id = r.batch_id WHERE a.id = ?`,
      ),
      gallery: db.prepare<{ batchId: number | null; filter: GalleryFilter; limit: number; offset: number }, GalleryRecord>(
        `SELECT a.id AS attemptId, a.row_id AS rowId, r.batch_id AS batchId, r.row_number AS rowNumber, a.take, r.prompt,
                a.model, a.file_path AS filePath, a.pick, a.finished_at AS finishedAt
           FROM attempts a JOIN rows r ON r.id = a.row_id
          WHERE ${GALLERY_WHERE}
          ORDER BY a.finished_at DESC, a.id DESC LIMIT @limit OFFSET @offset`,
      ),
      galleryCount: db.prepare<{ batchId: number | null; filter: GalleryFilter }, { n: number }>(
        `SELECT count(*) AS n FROM attempts a JOIN rows r ON r.id = a.row_id WHERE ${GALLERY_WHERE}`,
      ),
      rowLogs: db.prepare<[number, number], { id: number; created_at: number; type: 'business' | 'system'; level: 'info' | 'warn' | 'error'; message: string }>(
        `SELECT id, created_at, type, level, message FROM logs WHERE row_id = ? ORDER BY id DESC LIMIT ?`,
      ),
    };
  }

  attemptsOfRow(rowId: number): AttemptDetail[] {
    return this.s.attempts.all(rowId).map((a) => ({
      attemptId: a.id, take: a.take, run: a.run, attemptNumber: a.attempt_number, status: a.status, provider: a.provider, model: a.model,
      taskId: a.provider_task_id, createdAt: a.created_at, submittedAt: a.submitted_at, finishedAt: a.finished_at,
      errorClass: a.error_class, errorCode: a.error_code, errorMessage: a.error_message, retryable: a.retryable === null ? null : a.retryable === 1,
      costMicros: a.cost_micros, unit: a.unit, filePath: a.file_path, fileSize: a.file_size, pick: a.pick,
    }));
  }

  /** Marks a finished take; false when the attempt has no video to judge. */
  setPick(attemptId: number, pick: Pick | null): boolean {
    return this.s.setPick.run(pick, attemptId).changes === 1;
  }

  rowOf(attemptId: number): number | undefined {
    return this.s.rowOf.get(attemptId)?.row_id;
  }

  /** An attempt's video file and the output folder its batch wrote to. */
  attemptFile(attemptId: number): { path: string; batchId: number; outputDir: string | null } | undefined {
    const found = this.s.file.get(attemptId);
    if (!found?.file_path) return undefined;
    const options = found.options_json ? (JSON.parse(found.options_json) as { outputDir?: string }) : {};
    return { path: found.file_path, batchId: found.batch_id, outputDir: options.outputDir ?? null };
  }

  gallery(query: { batchId?: number | undefined; filter: GalleryFilter; limit: number; offset: number }): { total: number; items: GalleryRecord[] } {
    const where = { batchId: query.batchId ?? null, filter: query.filter };
    return { total: this.s.galleryCount.get(where)!.n, items: this.s.gallery.all({ ...where, limit: query.limit, offset: query.offset }) };
  }

  /** A row's newest log lines first. */
  rowLogs(rowId: number, limit = 200) {
    return this.s.rowLogs.all(rowId, limit);
  }
}
