import type { Db } from './connection.ts';

export type LedgerKind = 'reserve' | 'settle' | 'release' | 'hold';
export type Unit = 'credits' | 'usd';

export interface LedgerEntry {
  attemptId: number | null;
  batchId: number | null;
  kind: LedgerKind;
  /** Micro-units; only `hold` may be negative (a hold being resolved). */
  amountMicros: number;
  unit: Unit;
  provider: string;
  note?: string | null;
}

export interface LedgerRecord extends Required<LedgerEntry> {
  id: number;
  createdAt: number;
}

export interface LedgerTotals {
  reserved: number;
  settled: number;
  released: number;
  held: number;
}

export interface LedgerViolation {
  attemptId: number;
  attemptStatus: string;
  totals: LedgerTotals;
  problem: string;
}

const SUMS = `
  coalesce(sum(CASE kind WHEN 'reserve' THEN amount_micros END), 0) AS reserved,
  coalesce(sum(CASE kind WHEN 'settle'  THEN amount_micros END), 0) AS settled,
  coalesce(sum(CASE kind WHEN 'release' THEN amount_micros END), 0) AS released,
  coalesce(sum(CASE kind WHEN 'hold'    THEN amount_micros END), 0) AS held`;

/**
 * The append-only money record. Balances are always sums over it. Writes are meant to run inside
 * the caller's transaction together with the state change they account for.
 */
export class LedgerRepo {
  private readonly insert;
  private readonly byAttempt;
  private readonly checkAll;
  private readonly totalsByBatch;
  private readonly totalsSince;
  private readonly list;
  private readonly now: () => number;

  constructor(db: Db, now: () => number) {
    this.now = now;
    this.insert = db.prepare<[number | null, number | null, LedgerKind, number, Unit, string, string | null, number]>(
      `INSERT INTO ledger (attempt_id, batch_id, kind, amount_micros, unit, provider, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.byAttempt = db.prepare<[number], LedgerTotals>(`SELECT ${SUMS} FROM ledger WHERE attempt_id = ?`);
    // For every attempt: nothing may be over-accounted, and once it is over, everything reserved is
    // settled, released or held.
    this.checkAll = db.prepare<[], LedgerTotals & { attempt_id: number; status: string }>(
      `SELECT a.id AS attempt_id, a.status AS status, ${SUMS}
         FROM attempts a LEFT JOIN ledger l ON l.attempt_id = a.id
        GROUP BY a.id
       HAVING reserved = 0
           OR settled + released + held > reserved
           OR held < 0
           OR (a.status IN ('succeeded', 'failed', 'cancelled', 'unknown', 'downloading') AND settled + released + held != reserved)`,
    );
    this.totalsByBatch = db.prepare<[number, Unit], LedgerTotals>(`SELECT ${SUMS} FROM ledger WHERE batch_id = ? AND unit = ?`);
    this.totalsSince = db.prepare<[number, Unit], LedgerTotals>(`SELECT ${SUMS} FROM ledger WHERE created_at >= ? AND unit = ?`);
    this.list = db.prepare<{ batchId: number | null }, LedgerRecord>(
      `SELECT id, attempt_id AS attemptId, batch_id AS batchId, kind, amount_micros AS amountMicros, unit, provider, note, created_at AS createdAt
         FROM ledger WHERE @batchId IS NULL OR batch_id = @batchId ORDER BY id`,
    );
  }

  /** Every entry (of one batch, or all), oldest first. */
  entries(batchId: number | null = null): LedgerRecord[] {
    return this.list.all({ batchId });
  }

  append(entry: LedgerEntry): void {
    this.insert.run(entry.attemptId, entry.batchId, entry.kind, Math.round(entry.amountMicros), entry.unit, entry.provider, entry.note ?? null, this.now());
  }

  forAttempt(attemptId: number): LedgerTotals {
    return this.byAttempt.get(attemptId)!;
  }

  forBatch(batchId: number, unit: Unit): LedgerTotals {
    return this.totalsByBatch.get(batchId, unit)!;
  }

  since(timestamp: number, unit: Unit): LedgerTotals {
    return this.totalsSince.get(timestamp, unit)!;
  }

  /** The audit: every attempt whose entries do not add up. Empty when the books balance. */
  violations(): LedgerViolation[] {
    return this.checkAll.all().map((row) => {
      const totals = { reserved: row.reserved, settled: row.settled, released: row.released, held: row.held };
      const problem =
        row.reserved === 0
          ? 'no reservation was recorded for this attempt'
          : row.held < 0
            ? 'more was released from hold than was held'
            : totals.settled + totals.released + totals.held > totals.reserved
              ? 'more was settled, released or held than was reserved'
              : 'the attempt is over but part of its reservation is unaccounted for';
      return { attemptId: row.attempt_id, attemptStatus: row.status, totals, problem };
    });
  }
}
