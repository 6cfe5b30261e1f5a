import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../main/db/store.ts';
import { loadCatalog } from '../../../main/providers/catalog/loadCatalog.ts';
import { applyCorrections, importInspection } from '../../../main/sheets/importRows.ts';
import { inspectFile } from '../../../main/sheets/inspectFile.ts';
import { inspectInWorker } from '../../../main/sheets/inspectInWorker.ts';
import { inspectSheet } from '../../../main/sheets/inspectSheet.ts';
import { tempDir } from '../../helpers/tempDir.ts';

const { catalog } = loadCatalog();
const inspect = (cells: string[][]) => {
  const result = inspectSheet({ format: 'csv', encoding: 'utf-8', encodingCandidates: [], delimiter: ',', sheets: [], sheet: null, cells }, { catalog, provider: 'kie' });
  if (!result.ok) throw new Error(result.error.code);
  return result.inspection;
};

describe('importing a sheet into a batch', () => {
  it('writes every row with its source cells and problems, and shows the batch only when complete', async () => {
    const store = openStore(join(tempDir(), 'genvid.db'));
    const inspection = inspect([['prompt', 'model', 'note'], ['a mug', 'kling-3.0', 'x'], ['a cup', 'no-such-model', 'y']]);
    const summary = await importInspection(store, inspection, { name: 'mugs', file: '/tmp/mugs.csv' });
    expect(summary).toMatchObject({ rows: 2, rowsWithIssues: 1, duplicates: [] });
    expect(store.batches.list().map((batch) => batch.name)).toEqual(['mugs']);
    const rows = store.jobs.rowsOf(summary.batchId);
    expect(rows.map((row) => [row.rowNumber, row.model, row.importProblem])).toEqual([
      [2, 'kling-3.0', null],
      [3, 'no-such-model', 'There is no model "no-such-model" at kie.'],
    ]);
    expect(store.sheets.exportRows(summary.batchId, { failedOnly: false }).map((row) => row.source)).toEqual([
      { prompt: 'a mug', model: 'kling-3.0', note: 'x' },
      { prompt: 'a cup', model: 'no-such-model', note: 'y' },
    ]);
    store.close();
  });

  it('imports a sheet inspected in the worker thread, whose rows arrive in chunks', async () => {
    const store = openStore(join(tempDir(), 'genvid.db'));
    const lines = ['提示词,模型,时长', ...Array.from({ length: 1_234 }, (_, i) => `第 ${i + 1} 个镜头,kling-3.0,${i === 7 ? 'long' : 5}`)];
    const result = await inspectInWorker({
      bytes: new TextEncoder().encode(lines.join('\r\n')),
      fileName: 'shots.csv',
      provider: 'kie',
      templates: {},
      catalogEntries: [...catalog.entries],
    });
    if (!result.ok) throw new Error(result.error.code);
    expect(result.inspection.rowCount).toBe(1_234);
    const summary = await importInspection(store, result.inspection, { name: 'shots', file: null });
    expect(summary).toMatchObject({ rows: 1_234, rowsWithIssues: 1 });
    const rows = store.jobs.rowsOf(summary.batchId);
    expect(rows.map((row) => row.rowNumber)).toEqual(Array.from({ length: 1_234 }, (_, i) => i + 2));
    expect(rows[7]!.importProblem).toBe('"long" is not a duration in seconds; write for example 10.');
    store.close();
  });

  it('remembers the mapping used, for the next sheet with the same headers', async () => {
    const store = openStore(join(tempDir(), 'genvid.db'));
    const cells = [['Shot', 'Idea', 'Engine'], ['1', 'a mug', 'kling-3.0']];
    const grid = { format: 'csv' as const, encoding: 'utf-8' as const, encodingCandidates: [], delimiter: ',' as const, sheets: [], sheet: null, cells };
    const chosen = inspectSheet(grid, { catalog, provider: 'kie', mapping: { prompt: 'Idea' } });
    if (!chosen.ok) throw new Error(chosen.error.code);
    await importInspection(store, chosen.inspection, { name: 'shots', file: null });

    const next = 'shot,idea,engine\r\n2,a cup,kling-3.0\r\n';
    const result = inspectFile({ bytes: new TextEncoder().encode(next), fileName: 'next.csv', catalog, provider: 'kie', templates: store.sheets.allMappingTemplates() });
    if (!result.ok) throw new Error(result.error.code);
    expect(result.inspection.templateUsed).toBe(true);
    expect(result.inspection.mapping).toEqual({ prompt: 'idea', model: 'engine' });
    expect(result.inspection.rows[0]!.request.prompt).toBe('a cup');
    const fresh = inspectFile({ bytes: new TextEncoder().encode(next), fileName: 'next.csv', catalog, provider: 'kie', templates: {} });
    expect(fresh.ok && fresh.inspection.mapping.prompt).toBeUndefined();
    store.close();
  });

  it('removes an import a crash interrupted when the database opens again', () => {
    const file = join(tempDir(), 'genvid.db');
    const store = openStore(file);
    const batchId = store.sheets.beginImport({ name: 'half', sourceFile: null, headers: ['prompt'], info: {} });
    store.sheets.addRows(batchId, [{ rowNumber: 2, prompt: 'a', model: null, resolution: null, durationS: null, aspect: null, imageUrl: null, name: null, takes: 1, priority: 0, source: {}, issues: null, duplicateKey: null, duplicateOf: null }]);
    expect(store.batches.list()).toEqual([]);
    store.close();
    const reopened = openStore(file);
    expect(reopened.batchExists(batchId)).toBe(false);
    reopened.close();
  });

  it('flags rows making the same video as a done row of an earlier batch', async () => {
    const store = openStore(join(tempDir(), 'genvid.db'));
    const first = await importInspection(store, inspect([['prompt', 'model'], ['a mug', 'kling-3.0']]), { name: 'first', file: null });
    const [done] = store.jobs.rowsOf(first.batchId);
    store.jobs.setRowStatus(done!.rowId, 'done');
    const second = await importInspection(store, inspect([['prompt', 'model'], ['a cup', 'kling-3.0'], ['a mug', 'kling 3']]), { name: 'second', file: null });
    expect(second.duplicates).toEqual([{ row: 3, sameAsRow: 2, batchId: first.batchId, done: true }]);
    store.close();
  });

  it('applies a correction sheet to the same rows by row id, adding none', async () => {
    const store = openStore(join(tempDir(), 'genvid.db'));
    const { batchId } = await importInspection(store, inspect([['prompt', 'model'], ['a mug', 'kling-3.0'], ['a cup', 'klingg']]), { name: 'b', file: null });
    const [good, bad] = store.jobs.rowsOf(batchId);
    store.jobs.setRowStatus(good!.rowId, 'done');
    const correction = inspect([
      ['genvid_row_id', 'prompt', 'model', 'error'],
      [String(bad!.rowId), 'a cup', 'kling-3.0', 'There is no model "klingg"'],
      [String(good!.rowId), 'a new mug', 'kling-3.0', ''],
      ['999999', 'a ghost', 'kling-3.0', ''],
      ['', 'a new row', 'kling-3.0', ''],
    ]);
    const summary = applyCorrections(store, correction);
    expect(summary.batchId).toBe(batchId);
    expect(summary.updated).toEqual([bad!.rowId]);
    expect(summary.skipped.map((skip) => skip.reason)).toEqual(['running_or_done', 'unknown_row_id', 'no_row_id']);
    const rows = store.jobs.rowsOf(batchId);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({ rowNumber: 3, model: 'kling-3.0', importProblem: null });
    expect(rows[0]!.prompt).toBe('a mug');
    // The batch keeps its own input columns; the correction sheet's error column is not one.
    expect(store.sheets.exportRows(batchId, { failedOnly: false })[1]!.source).toEqual({ prompt: 'a cup', model: 'kling-3.0' });
    store.close();
  });
});
