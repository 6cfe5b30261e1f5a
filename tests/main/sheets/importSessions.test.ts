import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { callOk, testCore } from '../../helpers/core.ts';

const fixture = (name: string) => join(import.meta.dirname, '../../fixtures/sheets', name);
const bytesOf = (name: string) => ({ kind: 'bytes' as const, fileName: name, base64: readFileSync(fixture(name)).toString('base64') });

describe('import sessions (the import dialog over the contract)', () => {
  it('opens a dropped workbook by its bytes, shows mapping, problems and duplicates, and imports it', async () => {
    const core = testCore();
    const preview = await callOk(core, 'openImport', { source: bytesOf('zh-mixed-models.xlsx') });
    expect(preview).toMatchObject({ fileName: 'zh-mixed-models.xlsx', format: 'xlsx', headerRow: 3, rowCount: 7, problemRows: 3 });
    expect(preview.columns.find((column) => column.field === 'prompt')?.header).toBe('提示词');
    expect(preview.rows.flatMap((row) => row.issues).length).toBeGreaterThanOrEqual(3);
    expect(preview.rows.some((row) => row.sameAsRow !== null)).toBe(true);

    const committed = await core.dispatch('commitImport', { importId: preview.importId, name: '新品' });
    expect(committed).toMatchObject({ ok: true, value: { rows: 7, rowsWithIssues: 3, corrected: 0 } });
    expect(core.store.batches.list().map((batch) => batch.name)).toEqual(['新品']);
    // The session is gone once used.
    expect(await core.dispatch('commitImport', { importId: preview.importId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('opens a file by its path (the desktop app) and looks again with another encoding', async () => {
    const core = testCore();
    const opened = { value: await callOk(core, 'openImport', { source: { kind: 'path', path: fixture('zh-gbk.csv') } }) };
    expect(opened.value.encoding).toBe('gb18030');
    expect(opened.value.encodingCandidates.map((candidate) => candidate.encoding)).toContain('utf-8');
    const asBig5 = { value: await callOk(core, 'reviseImport', { importId: opened.value.importId, encoding: 'big5' }) };
    expect(asBig5.value.encoding).toBe('big5');
    expect(asBig5.value.headers).not.toEqual(opened.value.headers);
  });

  it('remaps a column and re-checks every row with the new mapping', async () => {
    const core = testCore();
    const opened = { value: await callOk(core, 'openImport', { source: bytesOf('zh-utf8.csv') }) };
    const promptHeader = opened.value.columns.find((column) => column.field === 'prompt')!.header;
    const unmapped = { value: await callOk(core, 'reviseImport', { importId: opened.value.importId, mapping: { prompt: null } }) };
    expect(unmapped.value.sheetIssues.map((issue) => issue.field)).toContain('prompt');
    const back = await callOk(core, 'reviseImport', { importId: opened.value.importId, mapping: { prompt: promptHeader } });
    expect(back.sheetIssues).toEqual([]);
  });

  it('refuses a PNG renamed .xlsx in words, in the chosen language', async () => {
    const core = testCore();
    await core.dispatch('updateSettings', { language: 'zh-CN' });
    const result = await core.dispatch('openImport', { source: bytesOf('png-renamed.xlsx') });
    expect(result).toMatchObject({ ok: false, error: { code: 'unreadable_sheet' } });
    expect(!result.ok && result.error.message).toMatch(/PNG/);
    expect(!result.ok && result.error.message).not.toMatch(/is not a spreadsheet/);
  });

  it('refuses a file over the size limit before decoding it', async () => {
    const core = testCore();
    await core.dispatch('updateSettings', { importLimits: { maxMegabytes: 1, maxRows: 100_000 } });
    const base64 = Buffer.alloc(2 * 1024 * 1024, 65).toString('base64');
    const result = await core.dispatch('openImport', { source: { kind: 'bytes', fileName: 'big.csv', base64 } });
    expect(result).toMatchObject({ ok: false, error: { code: 'unreadable_sheet', message: expect.stringContaining('1 MB') } });
  });
});
