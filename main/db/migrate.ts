import type { Database } from 'better-sqlite3';
import { migrations } from './migrations/index.ts';

export class SchemaTooNewError extends Error {
  constructor(found: number, known: number) {
    super(
      `This data folder was written by a newer Genvid (database schema ${found}; this version knows up to ${known}). ` +
        'Update Genvid, or choose another data folder.',
    );
    this.name = 'SchemaTooNewError';
  }
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the database up to the latest schema. Each step runs in its own transaction together with
 * its user_version bump, so a crash leaves the database at a whole version. Running it again is a
 * no-op. Returns the versions applied.
 */
export function migrate(db: Database, steps: readonly string[] = migrations): number[] {
  const current = schemaVersion(db);
  if (current > steps.length) throw new SchemaTooNewError(current, steps.length);
  const applied: number[] = [];
  for (let version = current; version < steps.length; version++) {
    const sql = steps[version]!;
    db.transaction(() => {
      db.exec(sql);
      // PRAGMA takes no bound parameters; `version` is our own loop counter.
      db.pragma(`user_version = ${version + 1}`);
    }).immediate();
    applied.push(version + 1);
  }
  return applied;
}
