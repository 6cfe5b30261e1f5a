import type { BatchSummary } from '../../shared/domain/batch.ts';
import type { BatchStatus, RowStatus } from '../../shared/domain/status.ts';
import type { Db } from './connection.ts';

export interface NewBatch {
  name: string;
  sourceFile?: string | null;
  provider?: string | null;
}

interface BatchRecord {
  id: number;
  name: string;
  source_file: string | null;
  status: BatchStatus;
  created_at: number;
  updated_at: number;
}

export class BatchesRepo {
  private readonly insert;
  private readonly selectAll;
  private readonly selectCounts;
  private readonly selectBatchCounts;
  private readonly selectOne;

  private readonly now: () => number;

  constructor(db: Db, now: () => number) {
    this.now = now;
    this.insert = db.prepare<[string, string | null, string | null, number, number]>(
      `INSERT INTO batches (name, source_file, provider, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`,
    );
    this.selectAll = db.prepare<[], BatchRecord>(
      `SELECT id, name, source_file, status, created_at, updated_at FROM batches WHERE imported = 1 ORDER BY created_at DESC, id DESC`,
    );
    this.selectCounts = db.prepare<[], { batch_id: number; status: RowStatus; n: number }>(
      `SELECT batch_id, status, count(*) AS n FROM rows GROUP BY batch_id, status`,
    );
    this.selectOne = db.prepare<[number], BatchRecord>(`SELECT id, name, source_file, status, created_at, updated_at FROM batches WHERE id = ? AND imported = 1`);
    this.selectBatchCounts = db.prepare<[number], { status: RowStatus; n: number }>(`SELECT status, count(*) AS n FROM rows WHERE batch_id = ? GROUP BY status`);
  }

  create(batch: NewBatch): number {
    const at = this.now();
    const result = this.insert.run(batch.name, batch.sourceFile ?? null, batch.provider ?? null, at, at);
    return Number(result.lastInsertRowid);
  }

  /** One batch's rows counted by status. */
  statusCounts(batchId: number): Partial<Record<RowStatus, number>> {
    return Object.fromEntries(this.selectBatchCounts.all(batchId).map(({ status, n }) => [status, n]));
  }

  /** One batch with its rows counted by status (what the engine's updates carry). */
  summary(batchId: number): BatchSummary | undefined {
    const record = this.selectOne.get(batchId);
    return record && toSummary(record, this.statusCounts(batchId));
  }

  /** Every batch, newest first, with its rows counted by status. */
  list(): BatchSummary[] {
    const counts = new Map<number, Partial<Record<RowStatus, number>>>();
    for (const { batch_id, status, n } of this.selectCounts.all()) {
      const forBatch = counts.get(batch_id) ?? {};
      forBatch[status] = n;
      counts.set(batch_id, forBatch);
    }
    return this.selectAll.all().map((record) => toSummary(record, counts.get(record.id) ?? {}));
  }
}

function toSummary(record: BatchRecord, statusCounts: Partial<Record<RowStatus, number>>): BatchSummary {
  return {
    id: record.id,
    name: record.name,
    sourceFile: record.source_file,
    status: record.status,
    createdAt: record.created_at,
    updatedAt: record.updated_at,
    rowCount: Object.values(statusCounts).reduce((sum, n) => sum + n, 0),
    statusCounts,
  };
}
