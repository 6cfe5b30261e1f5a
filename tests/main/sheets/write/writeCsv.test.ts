import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { ExportTable } from '../../../../main/sheets/write/exportTable.ts';
import { charactersOutsideGbk, csvText, encodeGbk, writeCsv } from '../../../../main/sheets/write/writeCsv.ts';

const table: ExportTable = {
  headers: ['genvid_row_id', '提示词', 'name, with comma', 'cost'],
  rows: [
    [1, '一只猫在月光下散步，电影感', 'a "quoted" name', 0.35],
    [2, 'line one\nline two', 'cr\rhere', -5],
    [3, null, 'crlf\r\nhere', null],
    [4, ' padded ', '', 12_345.678],
  ],
};

function parse(text: string): string[][] {
  const result = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false });
  expect(result.errors).toEqual([]);
  return result.data;
}

const decode = (bytes: Uint8Array, encoding: string) => new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);

describe('CSV export', () => {
  it('writes UTF-8 with a BOM, CRLF line endings and a final CRLF', () => {
    const bytes = writeCsv(table, { encoding: 'utf-8-bom' });
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = decode(bytes.slice(3), 'utf-8');
    expect(text).toBe(csvText(table));
    expect(text.endsWith('"crlf\r\nhere",\r\n4, padded ,,12345.678\r\n'.replace(' padded ', '" padded "'))).toBe(true);
    expect(text.startsWith('genvid_row_id,提示词,"name, with comma",cost\r\n1,一只猫在月光下散步，电影感,"a ""quoted"" name",0.35\r\n')).toBe(true);
  });

  it('round-trips Chinese text, commas, quotes, CR, LF and empty cells through papaparse', () => {
    const text = decode(writeCsv(table, { encoding: 'utf-8-bom' }).slice(3), 'utf-8');
    const rows = parse(text.slice(0, -2)); // papaparse reads a final CRLF as one more empty row
    expect(rows[0]).toEqual(table.headers);
    expect(rows.slice(1)).toEqual(table.rows.map((row) => row.map((cell) => (cell === null ? '' : String(cell)))));
  });

  it('quotes only the fields that need it', () => {
    const text = csvText({ headers: ['a'], rows: [['plain'], ['x,y'], ['say "hi"'], ['a\nb'], ['a\rb'], ['中文']] });
    expect(text).toBe('a\r\nplain\r\n"x,y"\r\n"say ""hi"""\r\n"a\nb"\r\n"a\rb"\r\n中文\r\n');
  });

  it('guards formula prefixes in strings but writes numbers, negative ones included, as numbers', () => {
    const text = csvText({
      headers: ['=header', 'b'],
      rows: [
        ['=1+1', -5],
        ['+1', '-5'],
        ['@SUM(A1)', '\t=1'],
        ['\r=1', "=HYPERLINK(\"http://x\",\"y\")"],
      ],
    });
    expect(text).toBe(
      "'=header,b\r\n'=1+1,-5\r\n'+1,'-5\r\n'@SUM(A1),'\t=1\r\n\"'\r=1\",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\r\n",
    );
  });

  it('pads short rows, writes null and non-finite numbers as empty fields', () => {
    expect(csvText({ headers: ['a', 'b', 'c'], rows: [[1], [null, Number.NaN, Number.POSITIVE_INFINITY]] })).toBe('a,b,c\r\n1,,\r\n,,\r\n');
  });

  it('writes a header-only file for a table without rows', () => {
    expect(csvText({ headers: ['a', 'b'], rows: [] })).toBe('a,b\r\n');
    expect(csvText({ headers: [], rows: [] })).toBe('');
  });

  it('writes GBK that decodes back to the same text', () => {
    const bytes = writeCsv(table, { encoding: 'gbk' });
    expect(decode(bytes, 'gb18030')).toBe(csvText(table));
    expect(decode(bytes, 'gbk')).toBe(csvText(table));
    // No BOM in GBK, and Chinese as two-byte GBK: 中 = D6 D0, 文 = CE C4.
    expect(bytes[0]).toBe('g'.charCodeAt(0));
    expect([...encodeGbk('中文')]).toEqual([0xd6, 0xd0, 0xce, 0xc4]);
    // The euro sign as code page 936 writes it, not GB18030's A2 E3.
    expect([...encodeGbk('€')]).toEqual([0x80]);
  });

  it('writes what GBK lacks as GB18030 instead of "?", so nothing is lost', () => {
    const text = 'a 😀 ? 中 • 𠀀 b';
    const bytes = encodeGbk(text);
    expect(decode(bytes, 'gb18030')).toBe(text);
    // 😀 is U+1F600: GB18030 four-byte 94 39 FC 36.
    expect(Buffer.from(bytes).includes(Buffer.from([0x94, 0x39, 0xfc, 0x36]))).toBe(true);
    const withEmoji: ExportTable = { headers: ['p'], rows: [['猫 😀'], ['• and 😀 again'], ['only 中文 and ?']] };
    expect(decode(writeCsv(withEmoji, { encoding: 'gbk' }), 'gb18030')).toBe(csvText(withEmoji));
  });

  it('lists the characters GBK cannot represent, once each', () => {
    expect(charactersOutsideGbk({ headers: ['p'], rows: [['猫 😀'], ['• and 😀 again'], ['€ 中文 ?']] })).toEqual(['😀', '•']);
    expect(charactersOutsideGbk(table)).toEqual([]);
  });
});
