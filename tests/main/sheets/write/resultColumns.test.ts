import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { formatTimestamp, resultTable, roundCost, type ExportRowRecord } from '../../../../main/sheets/write/resultColumns.ts';
import { unguardFormula } from '../../../../main/sheets/write/formulaGuard.ts';
import { writeCsv } from '../../../../main/sheets/write/writeCsv.ts';
import { writeXlsx } from '../../../../main/sheets/write/writeXlsx.ts';

const t0 = Date.UTC(2026, 10, 22, 14, 3, 5); // 2026-11-22 14:03:05 UTC

function record(overrides: Partial<ExportRowRecord> = {}): ExportRowRecord {
  return {
    rowId: 41,
    rowNumber: 2,
    source: { 提示词: '一只猫在月光下散步', model: 'sora-2', duration: '10' },
    sourceHeaders: ['提示词', 'model', 'duration'],
    status: 'done',
    error: null,
    attempts: 1,
    cost: { amount: 0.1 + 0.2, unit: 'usd' },
    taskIds: ['task_a'],
    filePaths: ['/videos/2-cat.mp4'],
    createdAt: t0,
    updatedAt: t0 + 60_000,
    finishedAt: t0 + 120_000,
    ...overrides,
  };
}

describe('the results table', () => {
  it('has the row id, every input column in order, then the result columns (English)', () => {
    const table = resultTable([record()], { locale: 'en', timeZone: 'UTC' });
    expect(table.headers).toEqual([
      'genvid_row_id',
      '提示词',
      'model',
      'duration',
      'status',
      'error',
      'attempts',
      'cost',
      'cost unit',
      'task id',
      'file path',
      'created',
      'updated',
      'finished',
    ]);
    expect(table.rows).toEqual([
      [41, '一只猫在月光下散步', 'sora-2', '10', 'done', null, 1, 0.3, 'USD', 'task_a', '/videos/2-cat.mp4', '2026-11-22 14:03:05', '2026-11-22 14:04:05', '2026-11-22 14:05:05'],
    ]);
  });

  it('has Chinese result headers and units for zh-CN, and the same row id header', () => {
    const table = resultTable([record({ cost: { amount: 12, unit: 'credits' } })], { locale: 'zh-CN', timeZone: 'Asia/Shanghai' });
    expect(table.headers).toEqual([
      'genvid_row_id',
      '提示词',
      'model',
      'duration',
      '状态',
      '错误',
      '尝试次数',
      '费用',
      '费用单位',
      '任务 ID',
      '文件路径',
      '创建时间',
      '更新时间',
      '完成时间',
    ]);
    expect(table.rows[0]?.slice(7, 9)).toEqual([12, '积分']);
    expect(table.rows[0]?.[11]).toBe('2026-11-22 22:03:05');
  });

  it('leaves unknown values empty and joins several task ids and files one per line', () => {
    const table = resultTable(
      [
        record({
          source: { 提示词: 'p' },
          status: 'failed',
          error: 'The provider refused the prompt.',
          attempts: 3,
          cost: null,
          taskIds: ['t1', 't2'],
          filePaths: ['/a b/1.mp4', '/a b/2.mp4'],
          finishedAt: null,
        }),
        record({ error: '', taskIds: [], filePaths: [] }),
      ],
      { locale: 'en', timeZone: 'UTC' },
    );
    expect(table.rows[0]).toEqual([41, 'p', null, null, 'failed', 'The provider refused the prompt.', 3, null, null, 't1\nt2', '/a b/1.mp4\n/a b/2.mp4', '2026-11-22 14:03:05', '2026-11-22 14:04:05', null]);
    expect(table.rows[1]?.slice(5, 11)).toEqual([null, 1, 0.3, 'USD', null, null]);
  });

  it('renames a result column whose header the sheet already uses, dropping neither', () => {
    const sourceHeaders = ['Status', 'prompt', 'status (genvid)', ' ERROR '];
    const table = resultTable([record({ sourceHeaders, source: { Status: 'approved', prompt: 'p', 'status (genvid)': 'x', ' ERROR ': 'none' } })], {
      locale: 'en',
      timeZone: 'UTC',
    });
    expect(table.headers.slice(0, 7)).toEqual(['genvid_row_id', 'Status', 'prompt', 'status (genvid)', ' ERROR ', 'status (genvid 2)', 'error (genvid)']);
    expect(table.rows[0]?.slice(0, 7)).toEqual([41, 'approved', 'p', 'x', 'none', 'done', null]);
    expect(new Set(table.headers.map((h) => h.trim().toLowerCase())).size).toBe(table.headers.length);

    const zh = resultTable([record({ sourceHeaders: ['状态', '提示词'], source: { 状态: '待审', 提示词: 'p' } })], { locale: 'zh-CN' });
    expect(zh.headers.slice(0, 4)).toEqual(['genvid_row_id', '状态', '提示词', '状态 (genvid)']);
  });

  it('does not repeat a genvid_row_id column that came in with a re-imported sheet', () => {
    const table = resultTable([record({ sourceHeaders: ['genvid_row_id', 'prompt'], source: { genvid_row_id: '7', prompt: 'p' } })], { locale: 'en' });
    expect(table.headers.filter((h) => h === 'genvid_row_id')).toHaveLength(1);
    expect(table.headers.slice(0, 2)).toEqual(['genvid_row_id', 'prompt']);
    expect(table.rows[0]?.slice(0, 2)).toEqual([41, 'p']);
  });

  it('makes the correction sheet: row id, the input columns, and the error last', () => {
    const failed = [
      record({ rowId: 7, status: 'failed', error: 'Model sora-2 does not support 1080p.' }),
      record({ rowId: 9, status: 'failed', error: 'Timed out.', source: { 提示词: '=not a formula', model: 'kling', duration: '5' } }),
    ];
    const en = resultTable(failed, { locale: 'en', correction: true });
    expect(en.headers).toEqual(['genvid_row_id', '提示词', 'model', 'duration', 'error']);
    expect(en.rows).toEqual([
      [7, '一只猫在月光下散步', 'sora-2', '10', 'Model sora-2 does not support 1080p.'],
      [9, '=not a formula', 'kling', '5', 'Timed out.'],
    ]);
    expect(resultTable(failed, { locale: 'zh-CN', correction: true }).headers.at(-1)).toBe('错误');
  });

  it('takes the header order from the records, or from the caller when there are none', () => {
    const a = record({ sourceHeaders: ['a', 'b'], source: { a: '1', b: '2' } });
    const b = record({ sourceHeaders: ['a', 'c'], source: { a: '3', c: '4' } });
    const table = resultTable([a, b], { locale: 'en', correction: true });
    expect(table.headers).toEqual(['genvid_row_id', 'a', 'b', 'c', 'error']);
    expect(table.rows.map((row) => row.slice(1, 4))).toEqual([
      ['1', '2', null],
      ['3', null, '4'],
    ]);
    expect(resultTable([], { locale: 'en', correction: true, sourceHeaders: ['prompt'] })).toEqual({ headers: ['genvid_row_id', 'prompt', 'error'], rows: [] });
  });

  it('survives CSV and XLSX export and reads back by header', () => {
    const table = resultTable([record({ source: { 提示词: '-5 度的雪, "冷"', model: 'sora-2', duration: '10' } })], { locale: 'zh-CN', timeZone: 'UTC' });
    const csv = new TextDecoder().decode(writeCsv(table, { encoding: 'utf-8-bom' }));
    const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
    expect(parsed.data).toHaveLength(1);
    expect(parsed.data[0]?.genvid_row_id).toBe('41');
    expect(parsed.data[0]?.['提示词']).toBe("'-5 度的雪, \"冷\"");
    expect(unguardFormula(parsed.data[0]?.['提示词'] ?? '')).toBe('-5 度的雪, "冷"');
    expect(parsed.data[0]?.['创建时间']).toBe('2026-11-22 14:03:05');

    const workbook = XLSX.read(writeXlsx(table), { type: 'array' });
    const sheet = workbook.Sheets[workbook.SheetNames[0] ?? ''];
    if (sheet === undefined) throw new Error('no sheet');
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(sheet);
    expect(rows[0]).toMatchObject({ genvid_row_id: 41, 提示词: "'-5 度的雪, \"冷\"", 费用: 0.3, 尝试次数: 1, 完成时间: '2026-11-22 14:05:05' });
  });
});

describe('costs', () => {
  it('are rounded to the ledger’s micro-units', () => {
    expect(roundCost(0.1 + 0.2)).toBe(0.3);
    expect(roundCost(1.0000004)).toBe(1);
    expect(roundCost(-0.35)).toBe(-0.35);
  });
});

describe('timestamps', () => {
  it('are "YYYY-MM-DD HH:MM:SS" wall-clock time in the zone asked for', () => {
    expect(formatTimestamp(t0, 'UTC')).toBe('2026-11-22 14:03:05');
    expect(formatTimestamp(t0, 'Asia/Shanghai')).toBe('2026-11-22 22:03:05');
    expect(formatTimestamp(t0, 'America/New_York')).toBe('2026-11-22 09:03:05');
    expect(formatTimestamp(Date.UTC(2027, 0, 1, 0, 0, 0), 'UTC')).toBe('2027-01-01 00:00:00');
    expect(formatTimestamp(Date.UTC(2026, 11, 31, 16, 30, 0), 'Asia/Shanghai')).toBe('2027-01-01 00:30:00');
  });

  it('use the machine’s own zone by default', () => {
    const localZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    for (const ms of [t0, Date.UTC(2026, 5, 1, 23, 59, 59), 0]) {
      expect(formatTimestamp(ms)).toBe(formatTimestamp(ms, localZone));
      expect(formatTimestamp(ms)).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    }
  });
});
