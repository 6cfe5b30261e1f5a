import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/db/connection.ts';
import type { ImportedRow } from '../../../main/db/sheetsRepo.ts';
import { openStore } from '../../../main/db/store.ts';
import { tempDir } from '../../helpers/tempDir.ts';

const row = (rowNumber: number, extra: Partial<ImportedRow> = {}): ImportedRow => ({
  rowNumber, prompt: 'a mug', model: 'kling-3.0', resolution: null, durationS: null, aspect: null, imageUrl: null, name: null,
  takes: 1, priority: 0, source: { prompt: 'a mug' }, issues: null, duplicateKey: 'k1', duplicateOf: null, ...extra,
});

describe('choosing what to do with a duplicate of a done row', () => {
  it('reuses the done row video without running, or keeps the row to run again', () => {
    const file = join(tempDir(), 'genvid.db');
    const store = openStore(file);
    const first = store.sheets.beginImport({ name: 'first', sourceFile: null, headers: ['prompt'], info: {} });
    store.sheets.addRows(first, [row(2)]);
    store.sheets.finishImport(first);
    const [original] = store.jobs.rowsOf(first);
    const second = store.sheets.beginImport({ name: 'second', sourceFile: null, headers: ['prompt'], info: {} });
    store.sheets.addRows(second, [row(2, { duplicateOf: original!.rowId }), row(3, { duplicateOf: original!.rowId }), row(4, { duplicateKey: 'k2' })]);
    store.sheets.finishImport(second);
    const [reused, runAgain, plain] = store.jobs.rowsOf(second);

    // The original has no video yet: there is nothing to reuse.
    expect(store.sheets.chooseDuplicate(reused!.rowId, 'reuse')).toBe(false);
    const sql = openDatabase(file);
    sql.prepare(`UPDATE rows SET status = 'done', output_path = '/videos/2-a-mug.mp4' WHERE id = ?`).run(original!.rowId);
    sql.close();

    expect(store.sheets.chooseDuplicate(reused!.rowId, 'reuse')).toBe(true);
    expect(store.rows.view(reused!.rowId)).toMatchObject({ status: 'done', outputPath: '/videos/2-a-mug.mp4' });
    expect(store.sheets.chooseDuplicate(runAgain!.rowId, 'run')).toBe(true);
    expect(store.rows.view(runAgain!.rowId)!.status).toBe('draft');
    // Not a duplicate, or already done: refused.
    expect(store.sheets.chooseDuplicate(plain!.rowId, 'reuse')).toBe(false);
    expect(store.sheets.chooseDuplicate(reused!.rowId, 'run')).toBe(false);
    // Nothing was spent on the reused row.
    expect(store.jobs.attemptsOfRow(reused!.rowId)).toEqual([]);
    expect(store.ledger.violations()).toEqual([]);
    store.close();
  });
});
