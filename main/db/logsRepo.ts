import type { Db } from './connection.ts';

export type LogType = 'business' | 'system';
export type LogLevel = 'info' | 'warn' | 'error';

export interface LogEntry {
  batchId: number | null;
  rowId?: number | null;
  type: LogType;
  level: LogLevel;
  /** A stable code for filtering and translation, e.g. `attempt.retry`. */
  code: string;
  message: string;
  data?: unknown;
}

export interface LogLine extends LogEntry {
  id: number;
  createdAt: number;
}

/** Business and system events in one log, per batch (product §3.11). */
export class LogsRepo {
  private readonly insert;
  private readonly forBatch;
  private readonly now: () => number;

  constructor(db: Db, now: () => number) {
    this.now = now;
    this.insert = db.prepare<[number | null, number | null, LogType, LogLevel, string, string, string | null, number]>(
      `INSERT INTO logs (batch_id, row_id, type, level, code, message, data_json, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.forBatch = db.prepare<[number, number, number], { id: number; batch_id: number | null; row_id: number | null; type: LogType; level: LogLevel; code: string; message: string; data_json: string | null; created_at: number }>(
      `SELECT * FROM logs WHERE batch_id = ? AND id > ? ORDER BY id LIMIT ?`,
    );
  }

  append(entry: LogEntry): void {
    this.insert.run(entry.batchId, entry.rowId ?? null, entry.type, entry.level, entry.code, entry.message, entry.data === undefined ? null : JSON.stringify(entry.data), this.now());
  }

  list(batchId: number, afterId = 0, limit = 500): LogLine[] {
    return this.forBatch.all(batchId, afterId, limit).map((row) => ({
      id: row.id,
      batchId: row.batch_id,
      rowId: row.row_id,
      type: row.type,
      level: row.level,
      code: row.code,
      message: row.message,
      data: row.data_json === null ? undefined : (JSON.parse(row.data_json) as unknown),
      createdAt: row.created_at,
    }));
  }
}
