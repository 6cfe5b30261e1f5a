import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { ExportCell, ExportTable } from '../../../../main/sheets/write/exportTable.ts';
import { columnName, displayWidth, maxCellText, safeSheetName, writeXlsx } from '../../../../main/sheets/write/writeXlsx.ts';

function readBack(bytes: Uint8Array) {
  const workbook = XLSX.read(bytes, { type: 'array', cellStyles: true });
  const name = workbook.SheetNames[0] ?? '';
  const sheet = workbook.Sheets[name];
  if (sheet === undefined) throw new Error('no sheet');
  return { workbook, name, sheet };
}

function cellAt(sheet: XLSX.WorkSheet, r: number, c: number): XLSX.CellObject | undefined {
  return sheet[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
}

/** The part of the package at `path`, as text. */
function part(bytes: Uint8Array, path: string): string {
  const archive = XLSX.CFB.read(bytes, { type: 'array' });
  const entry = XLSX.CFB.find(archive, `/${path}`);
  if (entry === null || entry.content === undefined) throw new Error(`no ${path}`);
  return Buffer.from(entry.content as Uint8Array).toString('utf8');
}

const table: ExportTable = {
  headers: ['genvid_row_id', '提示词', 'note', 'cost', 'status'],
  rows: [
    [1, '一只猫在月光下散步，电影感', 'a "quoted", name', 0.35, 'done'],
    [2, 'line one\nline two', '<b>&amp;</b>', -5, 'failed'],
    [3, null, '  padded  ', null, null],
    [4, '2026-01-02', '007', 12_345.678, '1e5'],
    [5, 'tab\there', 'bell\u0007 and cr\r!', 0, 'literal _x0041_ stays'],
  ],
};

describe('XLSX export', () => {
  it('reads back with SheetJS with identical values and types', () => {
    const { sheet, name } = readBack(writeXlsx(table));
    expect(name).toBe('Sheet1');
    expect(sheet['!ref']).toBe('A1:E6');
    table.headers.forEach((header, c) => expect(cellAt(sheet, 0, c)).toMatchObject({ t: 's', v: header }));
    table.rows.forEach((row, r) => {
      row.forEach((value: ExportCell, c) => {
        const cell = cellAt(sheet, r + 1, c);
        const where = `row ${r + 1} col ${c}`;
        if (value === null) expect(cell, where).toBeUndefined();
        else if (typeof value === 'number') expect(cell, where).toMatchObject({ t: 'n', v: value });
        else expect(cell, where).toMatchObject({ t: 's', v: value });
        expect(cell?.f, where).toBeUndefined();
      });
    });
  });

  it('guards formula prefixes in strings, and keeps a negative number numeric', () => {
    const guarded: ExportTable = {
      headers: ['=h', 'n'],
      rows: [
        ['=1+1', -5],
        ['+1', '-5'],
        ['@SUM(A1)', '\t=1'],
        ['\r=1', '=HYPERLINK("http://x","y")'],
      ],
    };
    const { sheet } = readBack(writeXlsx(guarded));
    expect(cellAt(sheet, 0, 0)).toMatchObject({ t: 's', v: "'=h" });
    expect(cellAt(sheet, 1, 0)).toMatchObject({ t: 's', v: "'=1+1" });
    expect(cellAt(sheet, 1, 1)).toMatchObject({ t: 'n', v: -5 });
    expect(cellAt(sheet, 2, 0)).toMatchObject({ t: 's', v: "'+1" });
    expect(cellAt(sheet, 2, 1)).toMatchObject({ t: 's', v: "'-5" });
    expect(cellAt(sheet, 3, 0)).toMatchObject({ t: 's', v: "'@SUM(A1)" });
    expect(cellAt(sheet, 3, 1)).toMatchObject({ t: 's', v: "'\t=1" });
    expect(cellAt(sheet, 4, 0)).toMatchObject({ t: 's', v: "'\r=1" });
    expect(cellAt(sheet, 4, 1)).toMatchObject({ t: 's', v: '\'=HYPERLINK("http://x","y")' });
    for (let r = 0; r <= 4; r++) for (let c = 0; c <= 1; c++) expect(cellAt(sheet, r, c)?.f).toBeUndefined();
    expect(part(writeXlsx(guarded), 'xl/worksheets/sheet1.xml')).not.toContain('<f>');
  });

  it('freezes and filters the bold header row, and sizes the columns', () => {
    const bytes = writeXlsx(table);
    const sheetXml = part(bytes, 'xl/worksheets/sheet1.xml');
    expect(sheetXml).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(sheetXml).toContain('<row r="1"><c r="A1" s="1" t="inlineStr">');
    const { sheet, workbook } = readBack(bytes);
    expect(sheet['!autofilter']).toEqual({ ref: 'A1:E6' });
    expect(workbook.Workbook?.Names?.some((n) => n.Name === '_xlnm._FilterDatabase' && n.Ref === "'Sheet1'!$A$1:$E$6")).toBe(true);
    const widths = (sheet['!cols'] ?? []).map((col) => col.width);
    expect(widths).toHaveLength(5);
    // 提示词 column: its widest line is 13 CJK characters = 26, plus padding.
    expect(widths[1]).toBe(28);
    expect(widths[3]).toBe(11); // "12345.678" = 9
    expect(widths[2]).toBeGreaterThanOrEqual(8);
  });

  it('cuts text beyond Excel’s 32,767-character limit instead of failing', () => {
    const long = 'x'.repeat(maxCellText + 10);
    const { sheet } = readBack(writeXlsx({ headers: ['p'], rows: [[long], ['x'.repeat(maxCellText)]] }));
    const cut = cellAt(sheet, 1, 0)?.v as string;
    expect(cut.length).toBe(maxCellText);
    expect(cut.endsWith('…')).toBe(true);
    expect(cellAt(sheet, 2, 0)?.v).toBe('x'.repeat(maxCellText));
  });

  it('names the sheet as asked, made valid for Excel', () => {
    expect(readBack(writeXlsx(table, { sheetName: '结果 results' })).name).toBe('结果 results');
    expect(safeSheetName('a/b:c?d*e[f]g\\h')).toBe('a b c d e f g h');
    expect(safeSheetName("'quoted'")).toBe('quoted');
    expect(safeSheetName('x'.repeat(40))).toHaveLength(31);
    expect(safeSheetName('  ')).toBe('Sheet1');
    const { workbook } = readBack(writeXlsx(table, { sheetName: "Bob's [batch]" }));
    expect(workbook.SheetNames).toEqual(["Bob's  batch"]);
    expect(workbook.Workbook?.Names?.find((n) => n.Name === '_xlnm._FilterDatabase')?.Ref).toBe("'Bob''s  batch'!$A$1:$E$6");
  });

  it('writes header-only and empty tables that still open', () => {
    const { sheet } = readBack(writeXlsx({ headers: ['a', 'b'], rows: [] }));
    expect(cellAt(sheet, 0, 1)).toMatchObject({ t: 's', v: 'b' });
    expect(sheet['!ref']).toBe('A1:B1');
    const empty = readBack(writeXlsx({ headers: [], rows: [] }));
    expect(empty.name).toBe('Sheet1');
  });

  it('gives the same bytes for the same table', () => {
    expect(Buffer.from(writeXlsx(table)).equals(Buffer.from(writeXlsx(table)))).toBe(true);
  });

  it('names columns and measures text width like Excel', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('中文ab')).toBe(6);
    expect(displayWidth('short\nmuch longer')).toBe(11);
  });
});
