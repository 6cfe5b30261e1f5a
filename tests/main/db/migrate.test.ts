import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/db/connection.ts';
import { migrate, schemaVersion, SchemaTooNewError } from '../../../main/db/migrate.ts';
import { latestSchemaVersion } from '../../../main/db/migrations/index.ts';
import { tempDir } from '../../helpers/tempDir.ts';

const tables = (db: Database.Database) =>
  db.prepare<[], { name: string; strict: number }>(`SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all();

describe('migrations', () => {
  it('build schema v1 from an empty file, with every table STRICT', () => {
    const db = openDatabase(join(tempDir(), 'genvid.db'));
    expect(schemaVersion(db)).toBe(latestSchemaVersion);
    expect(tables(db)).toEqual(
      ['attempts', 'batches', 'ledger', 'logs', 'mapping_templates', 'rows', 'settings'].map((name) => ({ name, strict: 1 })),
    );
    db.close();
  });

  it('are a no-op when run again, on the open database and after reopening the file', () => {
    const file = join(tempDir(), 'genvid.db');
    const db = openDatabase(file);
    db.prepare(`INSERT INTO batches (name, created_at, updated_at) VALUES ('kept', 1, 1)`).run();
    expect(migrate(db)).toEqual([]);
    db.close();
    const reopened = openDatabase(file);
    expect(schemaVersion(reopened)).toBe(latestSchemaVersion);
    expect(reopened.prepare('SELECT name FROM batches').pluck().all()).toEqual(['kept']);
    reopened.close();
  });

  it('apply steps in order and record each version', () => {
    const db = new Database(':memory:');
    const applied = migrate(db, ['CREATE TABLE a (x INTEGER) STRICT', 'ALTER TABLE a ADD COLUMN y TEXT']);
    expect(applied).toEqual([1, 2]);
    expect(schemaVersion(db)).toBe(2);
    expect(migrate(db, ['CREATE TABLE a (x INTEGER) STRICT', 'ALTER TABLE a ADD COLUMN y TEXT', 'CREATE TABLE b (z INTEGER) STRICT'])).toEqual([3]);
    db.close();
  });

  it('roll back a failing step whole, leaving the previous version', () => {
    const db = new Database(':memory:');
    expect(() => migrate(db, ['CREATE TABLE a (x INTEGER) STRICT', 'CREATE TABLE b (y INTEGER) STRICT; SELECT * FROM missing'])).toThrow(/missing/);
    expect(schemaVersion(db)).toBe(1);
    expect(db.prepare(`SELECT count(*) FROM sqlite_schema WHERE name = 'b'`).pluck().get()).toBe(0);
    db.close();
  });

  it('refuse a database written by a newer Genvid, with a message that says what to do', () => {
    const file = join(tempDir(), 'genvid.db');
    const newer = new Database(file);
    newer.pragma(`user_version = ${latestSchemaVersion + 1}`);
    newer.close();
    expect(() => openDatabase(file)).toThrow(SchemaTooNewError);
    expect(() => openDatabase(file)).toThrow(/newer Genvid.*Update Genvid/);
  });
});

describe('the database', () => {
  it('runs in WAL mode with foreign keys enforced', () => {
    const db = openDatabase(join(tempDir(), 'genvid.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(() => db.prepare(`INSERT INTO rows (batch_id, row_number, prompt, created_at, updated_at) VALUES (999, 1, 'p', 1, 1)`).run()).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('rejects values of the wrong type and unknown statuses', () => {
    const db = openDatabase(join(tempDir(), 'genvid.db'));
    expect(() => db.prepare(`INSERT INTO batches (name, created_at, updated_at) VALUES ('b', 'yesterday', 1)`).run()).toThrow(/cannot store TEXT value in INTEGER column/);
    expect(() => db.prepare(`INSERT INTO batches (name, status, created_at, updated_at) VALUES ('b', 'exploded', 1, 1)`).run()).toThrow(/CHECK/);
    db.close();
  });

  it('keeps the ledger append-only: entries cannot be changed or deleted', () => {
    const db = openDatabase(join(tempDir(), 'genvid.db'));
    db.prepare(`INSERT INTO ledger (kind, amount_micros, unit, provider, created_at) VALUES ('reserve', 15000000, 'credits', 'kie', 1)`).run();
    expect(() => db.prepare(`UPDATE ledger SET amount_micros = 0`).run()).toThrow(/append-only/);
    expect(() => db.prepare(`DELETE FROM ledger`).run()).toThrow(/append-only/);
    expect(db.prepare(`SELECT sum(amount_micros) FROM ledger`).pluck().get()).toBe(15000000);
    db.close();
  });

  it('allows one attempt per provider task id', () => {
    const db = openDatabase(join(tempDir(), 'genvid.db'));
    db.prepare(`INSERT INTO batches (id, name, created_at, updated_at) VALUES (1, 'b', 1, 1)`).run();
    db.prepare(`INSERT INTO rows (id, batch_id, row_number, prompt, created_at, updated_at) VALUES (1, 1, 1, 'p', 1, 1), (2, 1, 2, 'q', 1, 1)`).run();
    const insert = db.prepare(`INSERT INTO attempts (row_id, attempt_number, provider, model, status, provider_task_id, created_at, updated_at) VALUES (?, 1, 'kie', 'm', 'generating', 'task-1', 1, 1)`);
    insert.run(1);
    expect(() => insert.run(2)).toThrow(/UNIQUE/);
    db.close();
  });
});
