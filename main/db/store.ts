import { BatchesRepo } from './batchesRepo.ts';
import { JobsRepo } from './jobsRepo.ts';
import { LedgerRepo } from './ledgerRepo.ts';
import { LogsRepo } from './logsRepo.ts';
import { openDatabase, type Db } from './connection.ts';
import { schemaVersion } from './migrate.ts';
import { ReviewRepo } from './reviewRepo.ts';
import { RowsRepo } from './rowsRepo.ts';
import { SettingsRepo } from './settingsRepo.ts';
import { SheetsRepo } from './sheetsRepo.ts';

/** The database and every repository over it. The only way the rest of main reaches SQL. */
export interface Store {
  readonly file: string;
  readonly schemaVersion: number;
  readonly settings: SettingsRepo;
  readonly batches: BatchesRepo;
  readonly rows: RowsRepo;
  readonly ledger: LedgerRepo;
  readonly jobs: JobsRepo;
  readonly logs: LogsRepo;
  readonly sheets: SheetsRepo;
  readonly review: ReviewRepo;
  batchExists(batchId: number): boolean;
  close(): void;
}

export function openStore(file: string, clockNow: () => number = Date.now): Store {
  // Times are whole milliseconds (STRICT INTEGER columns); a scaled clock gives fractions.
  const now = () => Math.round(clockNow());
  const db: Db = openDatabase(file);
  const batchExists = db.prepare<[number], { found: number }>('SELECT 1 AS found FROM batches WHERE id = ?');
  const ledger = new LedgerRepo(db, now);
  const sheets = new SheetsRepo(db, now);
  // An import a crash interrupted never shows: its hidden batch and rows go.
  sheets.discardUnfinishedImports();
  return {
    file,
    schemaVersion: schemaVersion(db),
    settings: new SettingsRepo(db, now),
    batches: new BatchesRepo(db, now),
    rows: new RowsRepo(db, now),
    ledger,
    jobs: new JobsRepo(db, ledger, now),
    logs: new LogsRepo(db, now),
    sheets,
    review: new ReviewRepo(db),
    batchExists: (batchId) => batchExists.get(batchId) !== undefined,
    close: () => db.close(),
  };
}
