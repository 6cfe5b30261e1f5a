import type { RowView } from '../../shared/domain/batch.ts';
import type { RowStatus } from '../../shared/domain/status.ts';
import type { Db } from './connection.ts';

export interface NewRow {
  rowNumber: number;
  prompt: string;
  model?: string | null;
  resolution?: string | null;
  durationS?: number | null;
  aspect?: string | null;
  imageUrl?: string | null;
  name?: string | null;
  takes?: number;
  priority?: number;
  source?: Record<string, string>;
}

interface RowRecord {
  id: number;
  batch_id: number;
  row_number: number;
  status: RowStatus;
  prompt: string;
  model: string | null;
  resolution: string | null;
  duration_s: number | null;
  aspect: string | null;
  image_url: string | null;
  name: string | null;
  takes: number;
  priority: number;
  attempt_count: number;
  progress: number | null;
  cost_micros: number | null;
  error_code: string | null;
  error_message: string | null;
  output_path: string | null;
  output_attempt_id: number | null;
  issues_json: string | null;
  updated_at: number;
}

type InsertParams = [
  number, number, string, string | null, string | null, number | null, string | null,
  string | null, string | null, number, number, string, number, number,
];

// The status filter is passed as a JSON array (or NULL for all) so one statement serves every filter.
const statusFilter = (column: string) =>
  `(@statuses IS NULL OR ${column} IN (SELECT value FROM json_each(@statuses)))`;

// Search and pick filters, NULL for none; search is lower-cased by the caller.
const FILTERS = `${statusFilter('r.status')}
  AND (@search IS NULL OR instr(lower(r.prompt), @search) > 0 OR instr(lower(coalesce(r.model, '')), @search) > 0
       OR instr(lower(coalesce(r.name, '')), @search) > 0 OR instr(lower(coalesce(r.error_message, '')), @search) > 0)
  AND (@pick IS NULL OR EXISTS (SELECT 1 FROM attempts p WHERE p.row_id = r.id AND p.pick = @pick))`;

// A row as the grid shows it, with its attempt count and settled cost.
const SELECT_VIEW = `SELECT r.id, r.batch_id, r.row_number, r.status, r.prompt, r.model, r.resolution, r.duration_s,
              r.aspect, r.image_url, r.name, r.takes, r.priority, r.progress, r.error_code,
              r.error_message, r.output_path, r.updated_at, r.issues_json,
              CASE WHEN r.output_path IS NULL THEN NULL ELSE coalesce(
                (SELECT a.id FROM attempts a WHERE a.row_id = r.id AND a.file_path = r.output_path ORDER BY a.id DESC LIMIT 1),
                -- A duplicate that reused a done row's video plays that row's attempt.
                (SELECT a.id FROM attempts a WHERE a.row_id = r.duplicate_of AND a.file_path = r.output_path ORDER BY a.id DESC LIMIT 1)
              ) END AS output_attempt_id,
              -- A create refused before it left (the provider unreachable) is on record, but was no try.
              (SELECT count(*) FROM attempts a WHERE a.row_id = r.id AND a.error_class IS NOT 'unreachable') AS attempt_count,
              (SELECT sum(l.amount_micros) FROM ledger l JOIN attempts a ON a.id = l.attempt_id
                WHERE a.row_id = r.id AND l.kind = 'settle') AS cost_micros
         FROM rows r`;

interface PageParams {
  batchId: number;
  statuses: string | null;
  search: string | null;
  pick: string | null;
  limit: number;
  offset: number;
}

export class RowsRepo {
  private readonly insert;
  private readonly selectPage;
  private readonly countMatching;
  private readonly selectOne;

  private readonly db: Db;
  private readonly now: () => number;

  constructor(db: Db, now: () => number) {
    this.db = db;
    this.now = now;
    this.insert = db.prepare<InsertParams>(
      `INSERT INTO rows (batch_id, row_number, prompt, model, resolution, duration_s, aspect, image_url,
                         name, takes, priority, source_json, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.selectPage = db.prepare<PageParams, RowRecord>(
      `${SELECT_VIEW}
        WHERE r.batch_id = @batchId AND ${FILTERS}
        ORDER BY r.row_number
        LIMIT @limit OFFSET @offset`,
    );
    this.selectOne = db.prepare<{ rowId: number }, RowRecord>(
      `${SELECT_VIEW} WHERE r.id = @rowId`,
    );
    this.countMatching = db.prepare<Omit<PageParams, 'limit' | 'offset'>, { n: number }>(
      `SELECT count(*) AS n FROM rows r WHERE r.batch_id = @batchId AND ${FILTERS}`,
    );
  }

  /** Adds rows to a batch in one transaction: all of them or none. */
  insertMany(batchId: number, rows: readonly NewRow[]): void {
    const at = this.now();
    this.db.transaction(() => {
      for (const row of rows) {
        this.insert.run(
          batchId, row.rowNumber, row.prompt, row.model ?? null, row.resolution ?? null,
          row.durationS ?? null, row.aspect ?? null, row.imageUrl ?? null, row.name ?? null,
          row.takes ?? 1, row.priority ?? 0, JSON.stringify(row.source ?? {}), at, at,
        );
      }
    })();
  }

  view(rowId: number): RowView | undefined {
    const record = this.selectOne.get({ rowId });
    return record && toRowView(record);
  }

  page(query: { batchId: number; offset: number; limit: number; statuses?: readonly RowStatus[] | undefined; search?: string | undefined; pick?: 'picked' | 'rejected' | undefined }): {
    total: number;
    rows: RowView[];
  } {
    const where = {
      batchId: query.batchId,
      statuses: query.statuses ? JSON.stringify(query.statuses) : null,
      search: query.search ? query.search.toLowerCase() : null,
      pick: query.pick ?? null,
    };
    const total = this.countMatching.get(where)?.n ?? 0;
    const rows = this.selectPage.all({ ...where, limit: query.limit, offset: query.offset }).map(toRowView);
    return { total, rows };
  }
}

function toRowView(r: RowRecord): RowView {
  return {
    id: r.id,
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
    attemptCount: r.attempt_count,
    progress: r.progress,
    costMicros: r.cost_micros,
    errorCode: r.error_code,
    errorMessage: r.error_message,
    outputPath: r.output_path,
    outputAttemptId: r.output_attempt_id,
    issues: r.issues_json ? (JSON.parse(r.issues_json) as RowView['issues']) : [],
    updatedAt: r.updated_at,
  };
}
