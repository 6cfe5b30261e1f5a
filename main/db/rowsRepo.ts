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
  updated_at: number;
}

type InsertParams = [
  number, number, string, string | null, string | null, number | null, string | null,
  string | null, string | null, number, number, string, number, number,
];

// The status filter is passed as a JSON array (or NULL for all) so one statement serves every filter.
const statusFilter = (column: string) =>
  `(@statuses IS NULL OR ${column} IN (SELECT value FROM json_each(@statuses)))`;

// A row as the grid shows it, with its attempt count and settled cost.
const SELECT_VIEW = `SELECT r.id, r.batch_id, r.row_number, r.status, r.prompt, r.model, r.resolution, r.duration_s,
              r.aspect, r.image_url, r.name, r.takes, r.priority, r.progress, r.error_code,
              r.error_message, r.output_path, r.updated_at,
              (SELECT count(*) FROM attempts a WHERE a.row_id = r.id) AS attempt_count,
              (SELECT sum(l.amount_micros) FROM ledger l JOIN attempts a ON a.id = l.attempt_id
                WHERE a.row_id = r.id AND l.kind = 'settle') AS cost_micros
         FROM rows r`;

interface PageParams {
  batchId: number;
  statuses: string | null;
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
        WHERE r.batch_id = @batchId AND ${statusFilter('r.status')}
        ORDER BY r.row_number
        LIMIT @limit OFFSET @offset`,
    );
    this.selectOne = db.prepare<{ rowId: number }, RowRecord>(
      `${SELECT_VIEW} WHERE r.id = @rowId`,
    );
    this.countMatching = db.prepare<Omit<PageParams, 'limit' | 'offset'>, { n: number }>(
      `SELECT count(*) AS n FROM rows WHERE batch_id = @batchId AND ${statusFilter('status')}`,
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

  page(query: { batchId: number; offset: number; limit: number; statuses?: readonly RowStatus[] | undefined }): {
    total: number;
    rows: RowView[];
  } {
    const where = { batchId: query.batchId, statuses: query.statuses ? JSON.stringify(query.statuses) : null };
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
    updatedAt: r.updated_at,
  };
}
