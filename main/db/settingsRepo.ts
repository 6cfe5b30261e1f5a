import type { Db } from './connection.ts';

/** Settings as loose JSON values by key; the caller validates them against the settings schema. */
export class SettingsRepo {
  private readonly selectAll;
  private readonly upsert;

  private readonly db: Db;
  private readonly now: () => number;

  constructor(db: Db, now: () => number) {
    this.db = db;
    this.now = now;
    this.selectAll = db.prepare<[], { key: string; value_json: string }>(
      'SELECT key, value_json FROM settings',
    );
    this.upsert = db.prepare<[string, string, number]>(
      `INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`,
    );
  }

  readAll(): Record<string, unknown> {
    const values: Record<string, unknown> = {};
    for (const { key, value_json } of this.selectAll.all()) {
      try {
        values[key] = JSON.parse(value_json);
      } catch {
        // A hand-edited value that is not JSON is ignored; the default takes its place.
      }
    }
    return values;
  }

  /** Writes several keys in one transaction: either all change or none. */
  writeMany(values: Record<string, unknown>): void {
    const at = this.now();
    this.db.transaction(() => {
      for (const [key, value] of Object.entries(values)) {
        if (value !== undefined) this.upsert.run(key, JSON.stringify(value), at);
      }
    })();
  }
}
