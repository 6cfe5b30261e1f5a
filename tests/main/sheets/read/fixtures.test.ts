// Every committed fixture (tests/fixtures/sheets/, written by LibreOffice, see
// scripts/fixtures/makeSheetFixtures.ts) reads to the cells a user typed.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSheet } from '../../../../main/sheets/read/readSheet.ts';
import type { SheetGrid, SheetReadResult } from '../../../../main/sheets/sheetTypes.ts';

function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`../../../fixtures/sheets/${name}`, import.meta.url)));
}

function gridOf(result: SheetReadResult): SheetGrid {
  if (!result.ok) throw new Error(`expected a grid, got ${JSON.stringify(result.error)}`);
  return result.grid;
}

const zhHeader = ['提示词', '模型', '分辨率', '时长', '比例', '参考图', '文件名', '数量'];
const zhCells = [
  zhHeader,
  ['一只橘猫在雨中的东京街头奔跑，电影感，慢镜头', 'sora-2', '720p', '10', '16:9', '', '橘猫', '1'],
  ['产品展示：白色运动鞋在旋转台上, soft studio light', 'sora-2-pro', '1080p', '15', '9:16', 'https://example.com/shoe.jpg', '运动鞋', '2'],
  ['夕阳下的海边\n一对情侣牵手散步', 'sora-2', '720p', '10', '16:9', '', '海边', '1'],
  ['A drone shot over a misty mountain lake at sunrise', 'sora-2', '720p', '15', '16:9', '', 'lake', '3'],
  ['他说"你好"，然后挥手', 'sora-2', '720p', '10', '9:16', '', '挥手', '1'],
];
const enCells = [
  ['prompt', 'model', 'resolution', 'duration', 'aspect', 'image', 'name', 'takes'],
  ['A cat, a dog and a parrot on a sofa', 'sora-2', '720p', '10', '16:9', '', 'pets', '1'],
  ['Close-up of coffee pouring; slow motion', 'sora-2-pro', '1080p', '15', '9:16', '', 'coffee', '2'],
  ['Éclair on a plate, café style', 'sora-2', '720p', '10', '1:1', '', 'eclair', '1'],
];

describe('delimited text fixtures', () => {
  it.each([
    ['zh-utf8.csv', 'utf-8', 'csv', ','],
    ['zh-utf8-bom.csv', 'utf-8', 'csv', ','], // Excel "CSV UTF-8": BOM and CRLF
    ['zh-gbk.csv', 'gb18030', 'csv', ','], // Chinese Excel's default CSV
    ['zh-utf16le-unicode-text.txt', 'utf-16le', 'txt', '\t'], // Excel "Unicode Text"
  ] as const)('%s reads as %s, %s, delimiter %j', (name, encoding, format, delimiter) => {
    const grid = gridOf(readSheet(fixture(name), name));
    expect(grid).toMatchObject({ format, encoding, delimiter, sheets: [], sheet: null });
    expect(grid.cells).toEqual(zhCells);
    expect(grid.encodingCandidates[0]).toMatchObject({ encoding, valid: true });
    expect(grid.encodingCandidates[0]?.preview.startsWith('提示词')).toBe(true);
  });

  it('reads a Big5 file as traditional Chinese, not as GBK', () => {
    const grid = gridOf(readSheet(fixture('zh-big5.csv'), 'zh-big5.csv'));
    expect(grid.encoding).toBe('big5');
    expect(grid.cells[0]).toEqual(['提示詞', '模型', '分辨率', '時長', '比例', '參考圖', '文件名', '數量']);
    expect(grid.cells[1]?.[0]).toBe('一隻橘貓在雨中的東京街頭奔跑，電影感，慢鏡頭');
    expect(grid.cells).toHaveLength(4);
    // GB18030 also decodes Big5 bytes without error; it is offered, but after Big5.
    expect(grid.encodingCandidates.map((c) => [c.encoding, c.valid])).toEqual([
      ['big5', true],
      ['gb18030', true],
      ['utf-8', false],
    ]);
  });

  it('flags UTF-8 as invalid for the GBK file and offers Big5 after GB18030', () => {
    const grid = gridOf(readSheet(fixture('zh-gbk.csv'), 'zh-gbk.csv'));
    expect(grid.encodingCandidates.map((c) => [c.encoding, c.valid])).toEqual([
      ['gb18030', true],
      ['big5', true],
      ['utf-8', false],
    ]);
    // The preview shows what each reading would look like: the Big5 one is nonsense.
    expect(grid.encodingCandidates[1]?.preview).not.toContain('提示词');
    expect(grid.encodingCandidates[2]?.preview).toContain('\uFFFD');
  });

  it.each([
    ['en-semicolon.csv', 'utf-8', 'csv', ';'], // European Excel
    ['en.tsv', 'utf-8', 'tsv', '\t'],
    ['en-utf16be.txt', 'utf-16be', 'txt', '\t'],
  ] as const)('%s reads as %s, %s, delimiter %j', (name, encoding, format, delimiter) => {
    const grid = gridOf(readSheet(fixture(name), name));
    expect(grid).toMatchObject({ format, encoding, delimiter });
    expect(grid.cells).toEqual(enCells);
  });

  it('reads a header-only file as its one row (the importer then says it has no rows)', () => {
    const grid = gridOf(readSheet(fixture('zh-header-only.csv'), 'zh-header-only.csv'));
    expect(grid.cells).toEqual([zhHeader]);
  });
});

describe('workbook fixtures', () => {
  it('reads an .xlsx with a merged title row and a blank row above the header, cells as shown', () => {
    const grid = gridOf(readSheet(fixture('zh-title-row.xlsx'), 'zh-title-row.xlsx'));
    expect(grid).toMatchObject({ format: 'xlsx', encoding: null, encodingCandidates: [], delimiter: null });
    expect(grid.sheets).toEqual(['视频任务']);
    expect(grid.sheet).toBe('视频任务');
    const blank = Array<string>(9).fill('');
    expect(grid.cells[0]).toEqual(['2024 春季新品视频批量任务', ...blank.slice(1)]);
    expect(grid.cells[1]).toEqual(blank);
    expect(grid.cells[2]).toEqual([...zhHeader, '截止日期']);
    // Numbers as typed ("10", not "10.0"), dates in the cell's own format.
    expect(grid.cells.slice(3)).toEqual(zhCells.slice(1).map((row, i) => [...row, `2024/5/${i + 1}`]));
  });

  it('skips an empty first sheet but lists every sheet', () => {
    const grid = gridOf(readSheet(fixture('two-sheets-first-empty.xlsx'), 'two-sheets-first-empty.xlsx'));
    expect(grid.sheets).toEqual(['Sheet1', 'Videos', '说明']);
    expect(grid.sheet).toBe('Videos');
    expect(grid.cells).toEqual(enCells);
  });

  it('reads the sheet asked for by name', () => {
    const grid = gridOf(readSheet(fixture('two-sheets-first-empty.xlsx'), 'x.xlsx', { sheet: '说明' }));
    expect(grid.sheet).toBe('说明');
    expect(grid.cells).toEqual([['备注'], ['第二张表是任务']]);
  });

  it('answers unknown_sheet with the sheet names when the sheet asked for is not there', () => {
    expect(readSheet(fixture('two-sheets-first-empty.xlsx'), 'x.xlsx', { sheet: 'Tasks' })).toEqual({
      ok: false,
      error: { code: 'unknown_sheet', params: { sheet: 'Tasks', sheets: '"Sheet1", "Videos", "说明"' } },
    });
  });

  it('reads an Excel 97-2003 .xls', () => {
    const grid = gridOf(readSheet(fixture('zh.xls'), 'zh.xls'));
    expect(grid).toMatchObject({ format: 'xls', sheet: '视频任务', sheets: ['视频任务'] });
    expect(grid.cells).toEqual(zhCells);
  });
});

describe('files that cannot be read', () => {
  it.each([
    ['empty.csv', 'empty_file', { file: 'empty.csv' }],
    ['empty-workbook.xlsx', 'no_sheet', { file: 'empty-workbook.xlsx' }],
    ['png-renamed.xlsx', 'not_a_spreadsheet', { file: 'png-renamed.xlsx', kind: 'png', detected: 'a PNG image' }],
    ['zip-without-sheet.xlsx', 'not_a_spreadsheet', { file: 'zip-without-sheet.xlsx', kind: 'zip', detected: 'a ZIP archive' }],
  ] as const)('%s gives %s', (name, code, params) => {
    expect(readSheet(fixture(name), name)).toEqual({ ok: false, error: { code, params } });
  });

  it('a truncated .xlsx gives damaged_workbook with a detail', () => {
    const result = readSheet(fixture('truncated.xlsx'), 'truncated.xlsx');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('damaged_workbook');
    expect(result.error.params.file).toBe('truncated.xlsx');
    expect(String(result.error.params.detail)).toMatch(/incomplete/);
  });
});
