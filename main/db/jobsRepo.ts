import type { Resolution, VideoRequest } from '../../shared/catalog/schema.ts';
import type { AttemptStatus, BatchStatus, RowStatus } from '../../shared/domain/status.ts';
import type { MessageKey } from '../../shared/i18n/en.ts';
import { translate, type MessageParams } from '../../shared/i18n/translate.ts';
import type { Db } from './connection.ts';
import type { LedgerRepo, Unit } from './ledgerRepo.ts';

/** A row as the engine needs it to run. */
export interface JobRow {
  rowId: number;
  batchId: number;
  rowNumber: number;
  status: RowStatus;
  prompt: string;
  model: string | null;
  resolution: string | null;
  durationS: number | null;
  aspect: string | null;
  /** First and last frame, one per line. */
  imageUrl: string | null;
  name: string | null;
  takes: number;
  priority: number;
  run: number;
  createdAt: number;
  /** Problems found at import (English), or null: a row with problems never runs. */
  importProblem: string | null;
}

/** What a row asks the provider for, in canonical terms. */
export function videoRequestOf(row: JobRow): VideoRequest {
  return {
    prompt: row.prompt,
    ...(row.durationS !== null ? { durationS: row.durationS } : {}),
    ...(row.resolution !== null ? { resolution: row.resolution as Resolution } : {}),
    ...(row.aspect !== null ? { aspectRatio: row.aspect } : {}),
    // First and last frame, one per line.
    ...(row.imageUrl ? { images: row.imageUrl.split('\n').filter((url) => url !== '') } : {}),
  };
}

/** The English text of a row's import problems (stored as message keys for every language). */
function importProblemOf(issuesJson: string | null): string | null {
  if (!issuesJson) return null;
  const issues = JSON.parse(issuesJson) as { messageKey: MessageKey; params: MessageParams }[];
  return issues.length > 0 ? issues.map((issue) => translate('en', issue.messageKey, issue.params)).join(' ') : null;
}

/** One attempt as the engine tracks it. */
export interface AttemptRecord {
  attemptId: number;
  rowId: number;
  batchId: number;
  take: number;
  run: number;
  attemptNumber: number;
  status: AttemptStatus;
  provider: string;
  model: string;
  classKey: string | null;
  taskRefJson: string | null;
  resultUrlsJson: string | null;
  errorClass: string | null;
  retryable: boolean | null;
  createdAt: number;
  submittedAt: number | null;
  pollCount: number;
  filePath: string | null;
}

export interface AttemptError {
  errorClass: string;
  errorCode?: string | undefined;
  message: string;
  retryable: boolean;
}

export interface Money {
  micros: number;
  unit: Unit;
}

interface AttemptDbRow {
  id: number;
  row_id: number;
  batch_id: number;
  take: number;
  run: number;
  attempt_number: number;
  status: AttemptStatus;
  provider: string;
  model: string;
  class_key: string | null;
  task_ref_json: string | null;
  result_urls_json: string | null;
  error_class: string | null;
  retryable: number | null;
  created_at: number;
  submitted_at: number | null;
  poll_count: number;
  file_path: string | null;
}

const ATTEMPT_COLUMNS = `a.id, a.row_id, r.batch_id, a.take, a.run, a.attempt_number, a.status, a.provider, a.model, a.class_key,
  a.task_ref_json, a.result_urls_json, a.error_class, a.retryable, a.created_at, a.submitted_at, a.poll_count, a.file_path`;

/**
 * The engine's durable state: every transition of a row and its attempt is one transaction,
 * together with the ledger entry that accounts for it.
 */
export class JobsRepo {
  private readonly db: Db;
  private readonly ledger: LedgerRepo;
  private readonly now: () => number;
  private readonly s;

  constructor(db: Db, ledger: LedgerRepo, now: () => number) {
    this.db = db;
    this.ledger = ledger;
    this.now = now;
    this.s = {
      batch: db.prepare<[number], { id: number; status: BatchStatus; provider: string | null; options_json: string; pause_reason: string | null }>(
        `SELECT id, status, provider, options_json, pause_reason FROM batches WHERE id = ?`,
      ),
      setBatch: db.prepare<[BatchStatus, string | null, number, number]>(`UPDATE batches SET status = ?, pause_reason = ?, updated_at = ? WHERE id = ?`),
      setBatchOptions: db.prepare<[string, string | null, number, number]>(`UPDATE batches SET options_json = ?, provider = ?, updated_at = ? WHERE id = ?`),
      rows: db.prepare<[number], { id: number; batch_id: number; row_number: number; status: RowStatus; prompt: string; model: string | null; resolution: string | null; duration_s: number | null; aspect: string | null; image_url: string | null; name: string | null; takes: number; priority: number; run: number; created_at: number; issues_json: string | null }>(
        `SELECT id, batch_id, row_number, status, prompt, model, resolution, duration_s, aspect, image_url, name, takes, priority, run, created_at, issues_json
           FROM rows WHERE batch_id = ? ORDER BY row_number`,
      ),
      setRow: db.prepare<[RowStatus, string | null, string | null, number, number]>(
        `UPDATE rows SET status = ?, error_code = ?, error_message = ?, updated_at = ? WHERE id = ?`,
      ),
      setRowKeepError: db.prepare<[RowStatus, number, number]>(`UPDATE rows SET status = ?, updated_at = ? WHERE id = ?`),
      setRowProgress: db.prepare<[number | null, number, number]>(`UPDATE rows SET progress = ?, updated_at = ? WHERE id = ?`),
      setRowOutput: db.prepare<[string, number, number]>(`UPDATE rows SET output_path = ?, updated_at = ? WHERE id = ?`),
      queueRows: db.prepare<[number, number]>(`UPDATE rows SET status = 'queued', updated_at = ? WHERE batch_id = ? AND status IN ('draft', 'paused')`),
      rerunRow: db.prepare<[number, number]>(
        `UPDATE rows SET status = 'queued', run = run + 1, error_code = NULL, error_message = NULL, progress = NULL, updated_at = ? WHERE id = ?`,
      ),
      moveRow: db.prepare<[string, number, number]>(`UPDATE rows SET model = ?, updated_at = ? WHERE id = ?`),
      insertAttempt: db.prepare<[number, number, number, number, string, string, string, string | null, number, number]>(
        `INSERT INTO attempts (row_id, take, run, attempt_number, provider, model, request_json, status, class_key, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'submitting', ?, ?, ?)`,
      ),
      nextAttemptNumber: db.prepare<[number], { n: number }>(`SELECT coalesce(max(attempt_number), 0) + 1 AS n FROM attempts WHERE row_id = ?`),
      attemptsOfRow: db.prepare<[number], AttemptDbRow>(`SELECT ${ATTEMPT_COLUMNS} FROM attempts a JOIN rows r ON r.id = a.row_id WHERE a.row_id = ? ORDER BY a.attempt_number`),
      attemptsOfBatch: db.prepare<[number], AttemptDbRow>(`SELECT ${ATTEMPT_COLUMNS} FROM attempts a JOIN rows r ON r.id = a.row_id WHERE r.batch_id = ? ORDER BY a.id`),
      attempt: db.prepare<[number], AttemptDbRow>(`SELECT ${ATTEMPT_COLUMNS} FROM attempts a JOIN rows r ON r.id = a.row_id WHERE a.id = ?`),
      unfinished: db.prepare<[], AttemptDbRow>(
        `SELECT ${ATTEMPT_COLUMNS} FROM attempts a JOIN rows r ON r.id = a.row_id
          WHERE a.status IN ('submitting', 'generating', 'stale', 'downloading') ORDER BY a.id`,
      ),
      submitted: db.prepare<[string, string, number, number, number]>(
        `UPDATE attempts SET status = 'generating', task_ref_json = ?, provider_task_id = ?, submitted_at = ?, updated_at = ? WHERE id = ? AND status = 'submitting'`,
      ),
      progress: db.prepare<[number | null, number, number, number]>(`UPDATE attempts SET progress = ?, poll_count = ?, updated_at = ? WHERE id = ?`),
      setAttempt: db.prepare<[AttemptStatus, number, number]>(`UPDATE attempts SET status = ?, updated_at = ? WHERE id = ?`),
      failAttempt: db.prepare<[AttemptStatus, string, string | null, string, number, number, number, number]>(
        `UPDATE attempts SET status = ?, error_class = ?, error_code = ?, error_message = ?, retryable = ?, finished_at = ?, updated_at = ? WHERE id = ?`,
      ),
      generated: db.prepare<[string, number | null, number, number, number]>(
        `UPDATE attempts SET status = 'downloading', result_urls_json = ?, generation_ms = ?, detected_at = ?, progress = 100, updated_at = ? WHERE id = ?`,
      ),
      downloaded: db.prepare<[string, number, string, number, number, number]>(
        `UPDATE attempts SET status = 'succeeded', file_path = ?, file_size = ?, file_sha256 = ?, finished_at = ?, updated_at = ? WHERE id = ?`,
      ),
      samples: db.prepare<[string, number], { generation_ms: number }>(
        `SELECT generation_ms FROM attempts WHERE class_key = ? AND status = 'succeeded' AND generation_ms IS NOT NULL ORDER BY finished_at DESC LIMIT ?`,
      ),
      publishing: db.prepare<[string, number, string, number, number]>(
        `UPDATE attempts SET file_path = ?, file_size = ?, file_sha256 = ?, updated_at = ? WHERE id = ? AND status = 'downloading'`,
      ),
      finishedAt: db.prepare<[number], { finished_at: number | null }>(`SELECT finished_at FROM attempts WHERE id = ?`),
      fileOf: db.prepare<[number], { file_path: string; file_size: number; file_sha256: string }>(
        `SELECT file_path, file_size, file_sha256 FROM attempts WHERE id = ? AND file_path IS NOT NULL AND file_sha256 IS NOT NULL`,
      ),
      unitOfAttempt: db.prepare<[number], { unit: Unit; provider: string; batch_id: number | null }>(
        `SELECT unit, provider, batch_id FROM ledger WHERE attempt_id = ? AND kind = 'reserve' LIMIT 1`,
      ),
    };
  }

  batch(batchId: number): { id: number; status: BatchStatus; provider: string | null; options: Record<string, unknown>; pauseReason: string | null } | undefined {
    const row = this.s.batch.get(batchId);
    return row && { id: row.id, status: row.status, provider: row.provider, options: JSON.parse(row.options_json) as Record<string, unknown>, pauseReason: row.pause_reason };
  }

  setBatchStatus(batchId: number, status: BatchStatus, pauseReason: string | null = null): void {
    this.s.setBatch.run(status, pauseReason, this.now(), batchId);
  }

  setBatchOptions(batchId: number, provider: string, options: Record<string, unknown>): void {
    this.s.setBatchOptions.run(JSON.stringify(options), provider, this.now(), batchId);
  }

  rowsOf(batchId: number): JobRow[] {
    return this.s.rows.all(batchId).map((r) => ({
      rowId: r.id,
      batchId: r.batch_id,
      rowNumber: r.row_number,
      status: r.status,
      prompt: r.prompt,
      model: r.model,
      resolution: r.resolution,
      durationS: r.duration_s,
      aspect: r.aspect,
      imageUrl: r.image_url,
      name: r.name,
      takes: r.takes,
      priority: r.priority,
      run: r.run,
      createdAt: r.created_at,
      importProblem: importProblemOf(r.issues_json),
    }));
  }

  /** Draft and paused rows become queued (Start, Resume). */
  queueBatchRows(batchId: number): void {
    this.s.queueRows.run(this.now(), batchId);
  }

  setRowStatus(rowId: number, status: RowStatus, error?: { code: string; message: string } | null): void {
    if (error === undefined) this.s.setRowKeepError.run(status, this.now(), rowId);
    else this.s.setRow.run(status, error?.code ?? null, error?.message ?? null, this.now(), rowId);
  }

  /** Re-run in place: same row, a new run (the attempt history stays). */
  rerunRow(rowId: number): void {
    this.s.rerunRow.run(this.now(), rowId);
  }

  moveRow(rowId: number, model: string): void {
    this.s.moveRow.run(model, this.now(), rowId);
  }

  attemptsOfRow(rowId: number): AttemptRecord[] {
    return this.s.attemptsOfRow.all(rowId).map(toAttempt);
  }

  attemptsOfBatch(batchId: number): AttemptRecord[] {
    return this.s.attemptsOfBatch.all(batchId).map(toAttempt);
  }

  attempt(attemptId: number): AttemptRecord | undefined {
    const row = this.s.attempt.get(attemptId);
    return row && toAttempt(row);
  }

  /** Attempts a crash or restart may have interrupted: reconciled before anything else. */
  unfinishedAttempts(): AttemptRecord[] {
    return this.s.unfinished.all().map(toAttempt);
  }

  /**
   * Before a create: the attempt (as `submitting`), the reservation of its estimated price, and the
   * row's status, in one transaction. If the app dies after this, the outcome is unknown, never
   * silently re-sent.
   */
  beginAttempt(args: { rowId: number; batchId: number; take: number; run: number; provider: string; model: string; classKey: string; request: unknown; estimate: Money }): number {
    return this.db.transaction(() => {
      const at = this.now();
      const attemptNumber = this.s.nextAttemptNumber.get(args.rowId)!.n;
      const id = Number(
        this.s.insertAttempt.run(args.rowId, args.take, args.run, attemptNumber, args.provider, args.model, JSON.stringify(args.request), args.classKey, at, at).lastInsertRowid,
      );
      this.ledger.append({ attemptId: id, batchId: args.batchId, kind: 'reserve', amountMicros: args.estimate.micros, unit: args.estimate.unit, provider: args.provider, note: 'estimate at submit' });
      this.s.setRow.run('submitting', null, null, at, args.rowId);
      return id;
    }).immediate();
  }

  /** The provider's task id, committed the instant it is known. */
  markSubmitted(attemptId: number, taskRef: { taskId: string }, rowId: number): void {
    this.db.transaction(() => {
      const at = this.now();
      // Only from `submitting`: recovery may already have declared the outcome unknown.
      if (this.s.submitted.run(JSON.stringify(taskRef), taskRef.taskId, at, at, attemptId).changes === 1) this.s.setRowKeepError.run('generating', at, rowId);
    }).immediate();
  }

  recordProgress(attemptId: number, rowId: number, progress: number | null, pollCount: number): void {
    const at = this.now();
    this.s.progress.run(progress, pollCount, at, attemptId);
    if (progress !== null) this.s.setRowProgress.run(progress, at, rowId);
  }

  /** A create the provider refused or that never left: nothing was charged, the reservation is released. */
  failBeforeGeneration(attemptId: number, error: AttemptError, row: { rowId: number; status: RowStatus; showError: boolean }): void {
    this.fail(attemptId, 'failed', error, row, 'release');
  }

  /** A create whose outcome is unknown: the reservation is held until the creator resolves it. */
  markUnknown(attemptId: number, error: AttemptError, rowId: number): void {
    this.fail(attemptId, 'unknown', error, { rowId, status: 'unknown', showError: true }, 'hold');
  }

  /** A job the provider reports failed: providers do not charge for failures, so it is released. */
  failGeneration(attemptId: number, error: AttemptError, row: { rowId: number; status: RowStatus; showError: boolean }): void {
    this.fail(attemptId, 'failed', error, row, 'release');
  }

  markStale(attemptId: number, rowId: number): void {
    this.db.transaction(() => {
      const at = this.now();
      this.s.setAttempt.run('stale', at, attemptId);
      this.s.setRowKeepError.run('stale', at, rowId);
    }).immediate();
  }

  /**
   * The video is made: the charge is settled (the provider's reported cost when given, else the
   * estimate; a difference is reserved or released so the books still balance), then downloading.
   */
  markGenerated(attemptId: number, rowId: number, result: { resultUrls: string[]; cost: Money | undefined; generationMs: number | null; detectedAt: number }): void {
    this.db.transaction(() => {
      const at = this.now();
      const reserve = this.s.unitOfAttempt.get(attemptId)!;
      const totals = this.ledger.forAttempt(attemptId);
      const outstanding = totals.reserved - totals.settled - totals.released - totals.held;
      const charged = result.cost && result.cost.unit === reserve.unit ? Math.round(result.cost.micros) : outstanding;
      const base = { attemptId, batchId: reserve.batch_id, unit: reserve.unit, provider: reserve.provider };
      if (charged > outstanding) this.ledger.append({ ...base, kind: 'reserve', amountMicros: charged - outstanding, note: 'the provider charged more than estimated' });
      this.ledger.append({ ...base, kind: 'settle', amountMicros: charged, note: result.cost ? 'cost reported by the provider' : 'catalog estimate' });
      if (charged < outstanding) this.ledger.append({ ...base, kind: 'release', amountMicros: outstanding - charged, note: 'the provider charged less than estimated' });
      this.s.generated.run(JSON.stringify(result.resultUrls), result.generationMs === null ? null : Math.round(result.generationMs), Math.round(result.detectedAt), at, attemptId);
      this.s.setRow.run('downloading', null, null, at, rowId);
    }).immediate();
  }

  markDownloaded(attemptId: number, file: { path: string; bytes: number; sha256: string }, row: { rowId: number; status: RowStatus }): void {
    this.db.transaction(() => {
      const at = this.now();
      this.s.downloaded.run(file.path, file.bytes, file.sha256, at, at, attemptId);
      this.s.setRowOutput.run(file.path, at, row.rowId);
      this.s.setRowKeepError.run(row.status, at, row.rowId);
    }).immediate();
  }

  /** The video was paid for but could not be fetched: the charge stands; only the attempt fails. */
  failDownload(attemptId: number, error: AttemptError, row: { rowId: number; status: RowStatus }): void {
    this.db.transaction(() => {
      const at = this.now();
      this.s.failAttempt.run('failed', error.errorClass, error.errorCode ?? null, error.message, error.retryable ? 1 : 0, at, at, attemptId);
      this.s.setRow.run(row.status, error.errorClass, error.message, at, row.rowId);
    }).immediate();
  }

  /** Resolves an unknown outcome the creator has checked: charged (settle) or not (release). */
  resolveUnknown(attemptId: number, charged: boolean, rowId: number, rowStatus: RowStatus): void {
    this.db.transaction(() => {
      const reserve = this.s.unitOfAttempt.get(attemptId)!;
      const { held } = this.ledger.forAttempt(attemptId);
      const base = { attemptId, batchId: reserve.batch_id, unit: reserve.unit, provider: reserve.provider };
      this.ledger.append({ ...base, kind: 'hold', amountMicros: -held, note: 'unknown outcome resolved' });
      this.ledger.append({ ...base, kind: charged ? 'settle' : 'release', amountMicros: held, note: charged ? 'confirmed charged' : 'confirmed not charged' });
      this.s.setAttempt.run(charged ? 'succeeded' : 'failed', this.now(), attemptId);
      this.s.setRowKeepError.run(rowStatus, this.now(), rowId);
    }).immediate();
  }

  /** When an attempt ended (for a success: when its video was downloaded). */
  finishedAt(attemptId: number): number | undefined {
    return this.s.finishedAt.get(attemptId)?.finished_at ?? undefined;
  }

  /** Records where a verified file is about to be published, before the rename (see downloadVideo). */
  markPublishing(attemptId: number, file: { path: string; bytes: number; sha256: string }): void {
    this.s.publishing.run(file.path, file.bytes, file.sha256, this.now(), attemptId);
  }

  /** The verified file of an attempt (recorded when it was published). */
  fileOf(attemptId: number): { path: string; bytes: number; sha256: string } | undefined {
    const row = this.s.fileOf.get(attemptId);
    return row && { path: row.file_path, bytes: row.file_size, sha256: row.file_sha256 };
  }

  /** Recent generation times of a class, newest first, for the predictive polling policy. */
  generationSamples(classKey: string, limit = 500): number[] {
    return this.s.samples.all(classKey, limit).map((row) => row.generation_ms);
  }

  private fail(attemptId: number, status: AttemptStatus, error: AttemptError, row: { rowId: number; status: RowStatus; showError: boolean }, ledgerKind: 'release' | 'hold'): void {
    this.db.transaction(() => {
      const at = this.now();
      this.s.failAttempt.run(status, error.errorClass, error.errorCode ?? null, error.message, error.retryable ? 1 : 0, at, at, attemptId);
      const reserve = this.s.unitOfAttempt.get(attemptId)!;
      const totals = this.ledger.forAttempt(attemptId);
      const outstanding = totals.reserved - totals.settled - totals.released - totals.held;
      if (outstanding > 0) {
        this.ledger.append({ attemptId, batchId: reserve.batch_id, kind: ledgerKind, amountMicros: outstanding, unit: reserve.unit, provider: reserve.provider, note: error.errorClass });
      }
      if (row.showError) this.s.setRow.run(row.status, error.errorClass, error.message, at, row.rowId);
      else this.s.setRowKeepError.run(row.status, at, row.rowId);
    }).immediate();
  }
}

function toAttempt(row: AttemptDbRow): AttemptRecord {
  return {
    attemptId: row.id,
    rowId: row.row_id,
    batchId: row.batch_id,
    take: row.take,
    run: row.run,
    attemptNumber: row.attempt_number,
    status: row.status,
    provider: row.provider,
    model: row.model,
    classKey: row.class_key,
    taskRefJson: row.task_ref_json,
    resultUrlsJson: row.result_urls_json,
    errorClass: row.error_class,
    retryable: row.retryable === null ? null : row.retryable === 1,
    createdAt: row.created_at,
    submittedAt: row.submitted_at,
    pollCount: row.poll_count,
    filePath: row.file_path,
  };
}
