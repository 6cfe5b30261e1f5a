import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../main/db/store.ts';
import { seedBatch } from '../../helpers/seed.ts';
import { tempDir } from '../../helpers/tempDir.ts';

function storeAt(clock = { now: 1_000 }) {
  const store = openStore(join(tempDir(), 'genvid.db'), () => clock.now);
  return { store, clock };
}

describe('batches', () => {
  it('are listed newest first with their rows counted by status', () => {
    const { store, clock } = storeAt();
    const first = seedBatch(store, 'first', 3);
    clock.now = 2_000;
    const second = seedBatch(store, 'second', 0);
    const list = store.batches.list();
    expect(list.map((b) => b.id)).toEqual([second, first]);
    expect(list[1]).toMatchObject({ name: 'first', sourceFile: 'first.xlsx', status: 'draft', rowCount: 3, statusCounts: { draft: 3 }, createdAt: 1_000 });
    expect(list[0]).toMatchObject({ rowCount: 0, statusCounts: {} });
    store.close();
  });
});

describe('rows', () => {
  it('come back a page at a time in sheet order, with the total', () => {
    const { store } = storeAt();
    const batchId = seedBatch(store, 'b', 25);
    const page = store.rows.page({ batchId, offset: 10, limit: 10 });
    expect(page.total).toBe(25);
    expect(page.rows.map((r) => r.rowNumber)).toEqual([11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
    expect(page.rows[0]).toMatchObject({ batchId, prompt: 'prompt 11', status: 'draft', takes: 1, attemptCount: 0, costMicros: null });
    expect(store.rows.page({ batchId, offset: 20, limit: 10 }).rows).toHaveLength(5);
    store.close();
  });

  it('can be filtered by status, and the total counts only the matches', () => {
    const { store } = storeAt();
    const batchId = seedBatch(store, 'b', 4);
    expect(store.rows.page({ batchId, offset: 0, limit: 10, statuses: ['draft'] }).total).toBe(4);
    expect(store.rows.page({ batchId, offset: 0, limit: 10, statuses: ['failed', 'done'] })).toEqual({ total: 0, rows: [] });
    store.close();
  });

  it('are inserted all or none: a duplicate row number rolls back the whole insert', () => {
    const { store } = storeAt();
    const batchId = store.batches.create({ name: 'b' });
    expect(() =>
      store.rows.insertMany(batchId, [
        { rowNumber: 1, prompt: 'a' },
        { rowNumber: 1, prompt: 'b' },
      ]),
    ).toThrow(/UNIQUE/);
    expect(store.rows.page({ batchId, offset: 0, limit: 10 }).total).toBe(0);
    store.close();
  });
});

describe('settings', () => {
  it('persist across reopening the database', () => {
    const dir = tempDir();
    const store = openStore(join(dir, 'genvid.db'));
    store.settings.writeMany({ language: 'zh-CN', theme: 'dark' });
    store.close();
    const reopened = openStore(join(dir, 'genvid.db'));
    expect(reopened.settings.readAll()).toEqual({ language: 'zh-CN', theme: 'dark' });
    reopened.close();
  });
});
