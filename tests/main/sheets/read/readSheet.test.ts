import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { readSheet } from '../../../../main/sheets/read/readSheet.ts';
import type { SheetGrid, SheetReadResult } from '../../../../main/sheets/sheetTypes.ts';
import { pngBytes, zipBytes } from '../../../../scripts/fixtures/fixtureBytes.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

function gridOf(result: SheetReadResult): SheetGrid {
  if (!result.ok) throw new Error(`expected a grid, got ${JSON.stringify(result.error)}`);
  return result.grid;
}

function errorOf(result: SheetReadResult) {
  if (result.ok) throw new Error('expected an error, got a grid');
  return result.error;
}

function xlsx(sheets: Record<string, unknown[][]>, hidden: string[] = []): Uint8Array {
  const workbook = XLSX.utils.book_new();
  for (const [name, rows] of Object.entries(sheets)) {
    XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet(rows), name);
  }
  workbook.Workbook = { Sheets: workbook.SheetNames.map((name) => ({ name, Hidden: hidden.includes(name) ? 1 : 0 })) };
  return new Uint8Array(XLSX.write(workbook, { type: 'array', bookType: 'xlsx' }));
}

describe('what the file is', () => {
  it.each([
    ['photo.xlsx', pngBytes(), 'png', 'a PNG image'],
    ['photo.csv', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]), 'jpeg', 'a JPEG image'],
    ['brief.xlsx', utf8('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'pdf', 'a PDF document'],
    ['clip.xls', new Uint8Array([0, 0, 0, 0x18, ...utf8('ftypmp42'), 0, 0, 0, 0]), 'mp4', 'an MP4 video'],
    ['report.xlsx', zipBytes({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' }), 'docx', 'a Word document'],
    ['archive.xlsx', zipBytes({ 'readme.txt': 'hello' }), 'zip', 'a ZIP archive'],
    ['export.xls', utf8('<html><body><table><tr><td>提示词</td></tr></table></body></html>'), 'html', 'a web page (HTML)'],
    ['data.csv', new Uint8Array(Array.from({ length: 512 }, (_, i) => (i % 3 === 0 ? 0 : (i * 37) % 256))), 'binary', 'a binary file'],
  ])('%s is not a spreadsheet: %s', (file, bytes, kind, detected) => {
    expect(readSheet(bytes, file)).toEqual({ ok: false, error: { code: 'not_a_spreadsheet', params: { file, kind, detected } } });
  });

  it('says "unsupported format" for an OpenDocument spreadsheet', () => {
    const ods = zipBytes({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<x/>' });
    expect(readSheet(ods, 'tasks.ods')).toEqual({ ok: false, error: { code: 'unsupported_format', params: { file: 'tasks.ods' } } });
  });

  it('calls an Office archive without its workbook part damaged', () => {
    const error = errorOf(readSheet(zipBytes({ '[Content_Types].xml': '<Types/>', 'xl/styles.xml': '<x/>' }), 'a.xlsx'));
    expect(error.code).toBe('damaged_workbook');
    expect(error.params.detail).toMatch(/workbook part/);
  });

  it("passes the library's own message on when a workbook part is unreadable", () => {
    const bytes = zipBytes({ '[Content_Types].xml': 'garbage', 'xl/workbook.xml': 'not xml at all <<<' });
    const error = errorOf(readSheet(bytes, 'a.xlsx'));
    expect(error.code).toBe('damaged_workbook');
    expect(String(error.params.detail).length).toBeGreaterThan(0);
  });

  it('calls OLE2 garbage with an .xls name damaged, with the library message, and never throws', () => {
    const bytes = new Uint8Array(2048);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    for (let i = 8; i < bytes.length; i++) bytes[i] = (i * 131) % 251;
    const error = errorOf(readSheet(bytes, 'old.xls'));
    expect(error.code).toBe('damaged_workbook');
    expect(error.params.file).toBe('old.xls');
    expect(typeof error.params.detail).toBe('string');
  });

  it('recognises a Word 97 document in the same container as .xls', () => {
    const bytes = new Uint8Array(1024);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    bytes.set(new Uint8Array(Buffer.from('WordDocument', 'utf16le')), 512);
    expect(errorOf(readSheet(bytes, 'brief.xls')).params.detected).toBe('a Word document');
  });

  it('never throws, whatever the bytes', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const prefixes = [[], [0x50, 0x4b, 0x03, 0x04], [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], [0xef, 0xbb, 0xbf], [0xff, 0xfe]];
    for (let i = 0; i < 200; i++) {
      const prefix = prefixes[i % prefixes.length] as number[];
      const bytes = new Uint8Array([...prefix, ...Array.from({ length: Math.floor(random() * 600) }, () => Math.floor(random() * 256))]);
      const result = readSheet(bytes, i % 2 ? 'x.xlsx' : 'x.csv');
      expect(typeof result.ok).toBe('boolean');
      if (!result.ok) expect(result.error.code).toMatch(/^[a-z_]+$/);
    }
  });
});

describe('empty files and limits', () => {
  it.each([
    ['nothing', new Uint8Array()],
    ['a BOM and line breaks', new Uint8Array([0xef, 0xbb, 0xbf, 0x0d, 0x0a, 0x20, 0x0a])],
    ['a UTF-16 BOM only', new Uint8Array([0xff, 0xfe])],
    ['only delimiters', utf8(',,,\n,,,\n')],
  ])('%s is empty_file', (_label, bytes) => {
    expect(readSheet(bytes, 'a.csv')).toEqual({ ok: false, error: { code: 'empty_file', params: { file: 'a.csv' } } });
  });

  it('refuses a file over maxBytes before looking inside it', () => {
    const bytes = new Uint8Array(3 * 1024 * 1024); // zeros: would be "binary" if it were parsed
    expect(readSheet(bytes, 'big.csv', { limits: { maxBytes: 2 * 1024 * 1024 } })).toEqual({
      ok: false,
      error: { code: 'too_large', params: { file: 'big.csv', sizeMb: 3, limitMb: 2 } },
    });
  });

  it('counts data rows (non-blank rows after the header) against maxRows', () => {
    const csv = utf8('prompt,model\n\na,m\nb,m\n\nc,m\n');
    expect(gridOf(readSheet(csv, 'a.csv', { limits: { maxRows: 3 } })).cells).toHaveLength(6);
    expect(readSheet(csv, 'a.csv', { limits: { maxRows: 2 } })).toEqual({
      ok: false,
      error: { code: 'too_many_rows', params: { rows: 3, limit: 2 } },
    });
  });

  it('applies maxRows to workbooks, including ones too long to read whole', () => {
    const rows = [['prompt'], ...Array.from({ length: 1100 }, (_, i) => [`p${i}`])];
    const bytes = xlsx({ Tasks: rows });
    expect(gridOf(readSheet(bytes, 'a.xlsx', { limits: { maxRows: 1100 } })).cells).toHaveLength(1101);
    expect(errorOf(readSheet(bytes, 'a.xlsx', { limits: { maxRows: 1099 } }))).toEqual({
      code: 'too_many_rows',
      params: { rows: 1100, limit: 1099 },
    });
    // Far over the limit: only limit + slack rows are parsed; the sheet's range gives the count.
    expect(errorOf(readSheet(bytes, 'a.xlsx', { limits: { maxRows: 10 } }))).toEqual({
      code: 'too_many_rows',
      params: { rows: 1100, limit: 10 },
    });
  });
});

describe('delimited text', () => {
  it('keeps delimiters, doubled quotes and line breaks inside quoted cells', () => {
    const text = 'prompt,name\r\n"A cat, then a dog\r\nsecond line",pets\r\n"He said ""hi""",hi\r\n';
    const grid = gridOf(readSheet(utf8(text), 'a.csv'));
    expect(grid.cells).toEqual([
      ['prompt', 'name'],
      ['A cat, then a dog\r\nsecond line', 'pets'],
      ['He said "hi"', 'hi'],
    ]);
  });

  it('finds semicolons even when prompts hold unquoted commas, below a title row', () => {
    const text = 'Batch 12;;;\n;;;\nprompt;model;duration;name\na cat, a dog;sora-2;10;pets\na bird, a tree;sora-2;15;bird\n';
    const grid = gridOf(readSheet(utf8(text), 'a.csv'));
    expect(grid.delimiter).toBe(';');
    expect(grid.cells[2]).toEqual(['prompt', 'model', 'duration', 'name']);
    expect(grid.cells[3]).toEqual(['a cat, a dog', 'sora-2', '10', 'pets']);
  });

  it('detects commas in a .txt and tabs in a file with no known extension', () => {
    expect(gridOf(readSheet(utf8('a,b,c\n1,2,3\n'), 'list.txt'))).toMatchObject({ format: 'txt', delimiter: ',' });
    expect(gridOf(readSheet(utf8('a\tb\tc\n1\t2\t3\n'), 'export.xls'))).toMatchObject({ format: 'tsv', delimiter: '\t' });
    expect(gridOf(readSheet(utf8('a,b\n1,2\n'), 'export.dat'))).toMatchObject({ format: 'csv', delimiter: ',' });
  });

  it('drops trailing blank rows and empty columns, pads short rows, keeps blank rows inside', () => {
    const grid = gridOf(readSheet(utf8('title,,,\n,,,\nprompt,name,,\na cat\nb,bee,,\n,,,\n\n'), 'a.csv'));
    expect(grid.cells).toEqual([
      ['title', ''],
      ['', ''],
      ['prompt', 'name'],
      ['a cat', ''],
      ['b', 'bee'],
    ]);
  });

  // Its speed is measured by `npm run bench:sheets`, not here.
  it('reads all of a 100,000-row sheet', () => {
    const lines = ['提示词,模型,时长'];
    for (let i = 0; i < 100_000; i++) lines.push(`"一只橘猫在雨中奔跑, 第${i}条",sora-2,10`);
    const bytes = utf8(lines.join('\r\n'));
    const grid = gridOf(readSheet(bytes, 'big.csv'));
    expect(grid.cells).toHaveLength(100_001);
    expect(grid.cells[100_000]).toEqual(['一只橘猫在雨中奔跑, 第99999条', 'sora-2', '10']);
  });
});

describe('workbooks', () => {
  it('shows numbers without float noise and booleans as Excel does', () => {
    const grid = gridOf(readSheet(xlsx({ S: [['prompt', 'n', 'ok'], ['a', 0.1 + 0.2, true], ['b', 10, false]] }), 'a.xlsx'));
    expect(grid.cells).toEqual([
      ['prompt', 'n', 'ok'],
      ['a', '0.3', 'TRUE'],
      ['b', '10', 'FALSE'],
    ]);
  });

  it('skips a hidden sheet in front when choosing the default sheet', () => {
    const grid = gridOf(readSheet(xlsx({ Lookup: [['model'], ['sora-2']], Tasks: [['prompt'], ['a cat']] }, ['Lookup']), 'a.xlsx'));
    expect(grid.sheet).toBe('Tasks');
    expect(grid.sheets).toEqual(['Lookup', 'Tasks']);
  });

  it('keeps leading blank rows and columns so grid rows are sheet rows', () => {
    const sheet = XLSX.utils.aoa_to_sheet([]);
    XLSX.utils.sheet_add_aoa(sheet, [['prompt'], ['a cat']], { origin: 'B3' });
    const workbook = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(workbook, sheet, 'S');
    const grid = gridOf(readSheet(new Uint8Array(XLSX.write(workbook, { type: 'array', bookType: 'xlsx' })), 'a.xlsx'));
    expect(grid.cells).toEqual([
      ['', ''],
      ['', ''],
      ['', 'prompt'],
      ['', 'a cat'],
    ]);
  });

  it('reads an empty sheet asked for by name as an empty grid', () => {
    const grid = gridOf(readSheet(xlsx({ Tasks: [['prompt'], ['a']], Empty: [] }), 'a.xlsx', { sheet: 'Empty' }));
    expect(grid).toMatchObject({ sheet: 'Empty', cells: [] });
  });
});
