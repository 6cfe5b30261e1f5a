import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { openStore, type Store } from '../../../main/db/store.ts';
import { loadCatalog } from '../../../main/providers/catalog/loadCatalog.ts';
import { exportBatch } from '../../../main/sheets/exportBatch.ts';
import { applyCorrections, importInspection } from '../../../main/sheets/importRows.ts';
import { inspectSheet } from '../../../main/sheets/inspectSheet.ts';
import { readSheet } from '../../../main/sheets/read/readSheet.ts';
import { tempDir } from '../../helpers/tempDir.ts';

const { catalog } = loadCatalog();

/** Reads a file's bytes as the import does: read, map, check. */
function inspectBytes(bytes: Uint8Array, fileName: string) {
  const read = readSheet(bytes, fileName);
  if (!read.ok) throw new Error(read.error.code);
  const inspected = inspectSheet(read.grid, { catalog, provider: 'kie' });
  if (!inspected.ok) throw new Error(inspected.error.code);
  return inspected.inspection;
}

async function importedBatch(store: Store) {
  const csv = '\uFEFF提示词,模型,时长,备注\r\n一只橘猫,kling-3.0,5,=SUM(A1)\r\n- a list item prompt,klingg,5,\r\n夕阳下的海边,kling-3.0,99,\r\n';
  const inspection = inspectBytes(new TextEncoder().encode(csv), 'batch.csv');
  const { batchId } = await importInspection(store, inspection, { name: '新品', file: 'batch.csv' });
  return batchId;
}

describe('exporting a batch', () => {
  it('writes every input column plus the results, as CSV with a BOM and as XLSX, formulas escaped', async () => {
    const store = openStore(join(tempDir(), 'genvid.db'));
    const batchId = await importedBatch(store);
    const csv = exportBatch(store, { batchId, format: 'csv', correction: false, locale: 'en', timeZone: 'UTC' })!;
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // TextDecoder drops the BOM.
    const lines = new TextDecoder().decode(csv.bytes).split('\r\n');
    expect(lines[0]!.startsWith('genvid_row_id,提示词,模型,时长,备注,status,error,attempts')).toBe(true);
    expect(lines[1]).toContain(",'=SUM(A1),draft,");
    expect(lines[2]).toContain('There is no model ""klingg"" at kie.');

    const xlsx = exportBatch(store, { batchId, format: 'xlsx', correction: false, locale: 'zh-CN' })!;
    const sheet = XLSX.read(xlsx.bytes, { type: 'array' });
    const rows = XLSX.utils.sheet_to_json<string[]>(sheet.Sheets[sheet.SheetNames[0]!]!, { header: 1 });
    expect(rows[0]!.slice(0, 6)).toEqual(['genvid_row_id', '提示词', '模型', '时长', '备注', '状态']);
    expect(rows[2]).toContain('kie 没有名为“klingg”的模型。您是否想用 kling-3.0？');

    const gbk = exportBatch(store, { batchId, format: 'csv-gbk', correction: false, locale: 'zh-CN' })!;
    expect(new TextDecoder('gb18030').decode(gbk.bytes)).toContain('一只橘猫');
    expect(exportBatch(store, { batchId: 999, format: 'csv', correction: false, locale: 'en' })).toBeUndefined();
    store.close();
  });

  it('round-trips a correction sheet: fixed in a spreadsheet, re-imported onto the same rows', async () => {
    const store = openStore(join(tempDir(), 'genvid.db'));
    const batchId = await importedBatch(store);
    const correction = exportBatch(store, { batchId, format: 'xlsx', correction: true, locale: 'en' })!;
    expect(correction.rows).toBe(2);

    // The creator fixes the model and the duration in Excel and saves.
    const book = XLSX.read(correction.bytes, { type: 'array' });
    const sheet = book.Sheets[book.SheetNames[0]!]!;
    const grid = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1, raw: false });
    expect(grid[0]).toEqual(['genvid_row_id', '提示词', '模型', '时长', '备注', 'error']);
    expect(grid[1]![1]).toBe("'- a list item prompt");
    grid[1]![2] = 'kling-3.0';
    grid[2]![3] = '10';
    book.Sheets[book.SheetNames[0]!] = XLSX.utils.aoa_to_sheet(grid);
    const edited = XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer;

    const summary = applyCorrections(store, inspectBytes(new Uint8Array(edited), 'fixed.xlsx'));
    expect(summary.skipped).toEqual([]);
    expect(summary.updated).toHaveLength(2);
    const rows = store.jobs.rowsOf(batchId);
    expect(rows).toHaveLength(3);
    expect(rows.map((row) => [row.prompt, row.model, row.durationS, row.importProblem])).toEqual([
      ['一只橘猫', 'kling-3.0', 5, null],
      ['- a list item prompt', 'kling-3.0', 5, null],
      ['夕阳下的海边', 'kling-3.0', 10, null],
    ]);
    expect(exportBatch(store, { batchId, format: 'csv', correction: true, locale: 'en' })!.rows).toBe(0);
    store.close();
  });
});
