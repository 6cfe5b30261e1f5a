import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../main/providers/catalog/loadCatalog.ts';
import { inspectSheet, type InspectOptions } from '../../../main/sheets/inspectSheet.ts';
import type { SheetGrid } from '../../../main/sheets/sheetTypes.ts';

const { catalog } = loadCatalog();
const grid = (cells: string[][]): SheetGrid => ({ format: 'csv', encoding: 'utf-8', encodingCandidates: [], delimiter: ',', sheets: [], sheet: null, cells });
const inspect = (cells: string[][], options: Partial<InspectOptions> = {}) => {
  const result = inspectSheet(grid(cells), { catalog, provider: 'kie', ...options });
  if (!result.ok) throw new Error(result.error.code);
  return result.inspection;
};

describe('inspecting a sheet', () => {
  it('finds the header under a title, maps it and numbers rows as the sheet does', () => {
    const inspection = inspect([
      ['春季上新 视频脚本'],
      [],
      ['提示词', '模型', '分辨率', '备注'],
      ['一只猫', 'kling-3.0', '1080p', 'first'],
      ['', '', '', ''],
      ['一只狗', 'kling-3.0', '720p', ''],
    ]);
    expect(inspection.headerRow).toBe(3);
    expect(inspection.mapping).toEqual({ prompt: '提示词', model: '模型', resolution: '分辨率' });
    expect(inspection.rows.map((row) => row.row)).toEqual([4, 6]);
    expect(inspection.rows[0]!.source).toEqual({ 提示词: '一只猫', 模型: 'kling-3.0', 分辨率: '1080p', 备注: 'first' });
    expect(inspection.sheetIssues).toEqual([]);
  });

  it('fills {{column}} variables in prompts and flags unknown ones', () => {
    const inspection = inspect([
      ['prompt', 'model', 'product', 'style'],
      ['{{product}} on a table, {{ Style }} light', 'kling-3.0', 'a red mug', 'soft'],
      ['{{colour}} mug, row {{row}}', 'kling-3.0', 'mug', ''],
    ]);
    expect(inspection.rows[0]!.request.prompt).toBe('a red mug on a table, soft light');
    expect(inspection.rows[1]!.request.prompt).toBe('{{colour}} mug, row 3');
    expect(inspection.rows[1]!.issues.map((issue) => issue.code)).toEqual(['unknown_variable']);
  });

  it('builds output names from a template', () => {
    const inspection = inspect([['prompt', 'model', 'sku'], ['a mug', 'kling-3.0', 'M-01']], { nameTemplate: '{{sku}}-hero' });
    expect(inspection.rows[0]!.name).toBe('M-01-hero');
  });

  it('flags a row asking for the same video as an earlier row', () => {
    const inspection = inspect([['prompt', 'model'], ['a mug', 'kling-3.0'], ['a cup', 'kling-3.0'], ['a mug', 'Kling 3']]);
    expect(inspection.rows.map((row) => row.sameAsRow)).toEqual([null, null, 2]);
  });

  it('says so when no column holds the prompts', () => {
    const inspection = inspect([['model', 'notes'], ['kling-3.0', 'x']]);
    expect(inspection.sheetIssues.map((issue) => issue.code)).toEqual(['no_prompt_column']);
  });

  it('refuses a header-only sheet and an empty one', () => {
    expect(inspectSheet(grid([['prompt', 'model']]), { catalog, provider: 'kie' })).toEqual({ ok: false, error: { code: 'no_rows', params: {} } });
    expect(inspectSheet(grid([['']]), { catalog, provider: 'kie' })).toEqual({ ok: false, error: { code: 'no_header', params: {} } });
  });

  it('uses a chosen mapping over the automatic one', () => {
    const inspection = inspect([['prompt', 'idea', 'model'], ['old', 'a new idea', 'kling-3.0']], { mapping: { prompt: 'idea' } });
    expect(inspection.rows[0]!.request.prompt).toBe('a new idea');
  });
});
