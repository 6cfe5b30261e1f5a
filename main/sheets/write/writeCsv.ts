// CSV export: RFC 4180 fields (quoted only when they hold a comma, a quote, CR or LF, or begin or
// end with a space), CRLF line endings and a CRLF after the last row (what Excel writes), null as an
// empty field, every string formula-guarded (formulaGuard.ts), numbers written as numbers.
//
// Encodings:
// - 'utf-8-bom': UTF-8 with a byte order mark, which is how Excel recognises UTF-8 (without it,
//   Chinese Excel opens the file as GBK and shows mojibake).
// - 'gbk': what Chinese Excel writes and reads by default (Windows code page 936). Every character
//   GBK can represent is written as GBK (€ as 0x80, as code page 936 does). A character GBK cannot
//   represent (emoji, rare CJK from the extensions, some symbols) is written as its GB18030
//   four-byte sequence instead of being replaced by "?": GB18030 is the superset of GBK that
//   Chinese systems, WPS, LibreOffice, browsers and our own importer decode, so nothing is lost;
//   Excel reading the file as code page 936 shows those few characters wrongly. Callers can warn
//   beforehand with `charactersOutsideGbk` and suggest UTF-8 instead.

import iconv from 'iconv-lite';
import Papa from 'papaparse';
import type { ExportCell, ExportTable } from './exportTable.ts';
import { guardFormula } from './formulaGuard.ts';

export type CsvEncoding = 'utf-8-bom' | 'gbk';

export interface CsvOptions {
  encoding: CsvEncoding;
}

const crlf = '\r\n';
const utf8Bom = [0xef, 0xbb, 0xbf] as const;

/** The cell as it goes into the CSV, before quoting: null and non-finite numbers are empty. */
function csvCell(cell: ExportCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  return guardFormula(cell);
}

/** The CSV text of a table (guarded, quoted, CRLF-terminated), before encoding. */
export function csvText(table: ExportTable): string {
  const width = table.headers.length;
  if (width === 0) return '';
  const lines: string[][] = new Array<string[]>(table.rows.length + 1);
  lines[0] = table.headers.map((header) => guardFormula(header));
  for (let r = 0; r < table.rows.length; r++) {
    const row = table.rows[r] ?? [];
    const out = new Array<string>(width);
    for (let c = 0; c < width; c++) out[c] = csvCell(row[c]);
    lines[r + 1] = out;
  }
  const body = Papa.unparse(lines, { delimiter: ',', newline: crlf, quotes: false, quoteChar: '"', escapeChar: '"', header: false, escapeFormulae: false });
  return body + crlf;
}

/** The table as CSV bytes in the chosen encoding. */
export function writeCsv(table: ExportTable, options: CsvOptions): Uint8Array {
  const text = csvText(table);
  if (options.encoding === 'gbk') return encodeGbk(text);
  const encoded = new TextEncoder().encode(text);
  const bytes = new Uint8Array(utf8Bom.length + encoded.length);
  bytes.set(utf8Bom, 0);
  bytes.set(encoded, utf8Bom.length);
  return bytes;
}

const gbkCache = new Map<number, boolean>();

function gbkCanEncode(codePoint: number): boolean {
  if (codePoint < 0x80) return true;
  let known = gbkCache.get(codePoint);
  if (known === undefined) {
    // iconv-lite writes "?" for a character the code page lacks.
    const bytes = iconv.encode(String.fromCodePoint(codePoint), 'gbk');
    known = !(bytes.length === 1 && bytes[0] === 0x3f);
    gbkCache.set(codePoint, known);
  }
  return known;
}

function countOf(text: string, char: string): number {
  let count = 0;
  for (let i = text.indexOf(char); i !== -1; i = text.indexOf(char, i + 1)) count++;
  return count;
}

function countByte(bytes: Uint8Array, byte: number): number {
  let count = 0;
  for (let i = bytes.indexOf(byte); i !== -1; i = bytes.indexOf(byte, i + 1)) count++;
  return count;
}

function asUint8Array(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** GBK (code page 936), with GB18030 four-byte sequences for what GBK lacks. */
export function encodeGbk(text: string): Uint8Array {
  const gbk = iconv.encode(text, 'gbk');
  // Fast path: no "?" was invented, so every character had a GBK form.
  if (countByte(gbk, 0x3f) === countOf(text, '?')) return asUint8Array(gbk);
  const parts: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < text.length; ) {
    const codePoint = text.codePointAt(i) ?? 0;
    const length = codePoint > 0xffff ? 2 : 1;
    if (!gbkCanEncode(codePoint)) {
      if (i > start) parts.push(iconv.encode(text.slice(start, i), 'gbk'));
      parts.push(iconv.encode(text.slice(i, i + length), 'gb18030'));
      start = i + length;
    }
    i += length;
  }
  if (start < text.length) parts.push(iconv.encode(text.slice(start), 'gbk'));
  return asUint8Array(Buffer.concat(parts));
}

/** The distinct characters of the table's CSV text that GBK cannot represent, in order of appearance. */
export function charactersOutsideGbk(table: ExportTable): string[] {
  const found = new Set<string>();
  const text = csvText(table);
  for (const char of text) if (!gbkCanEncode(char.codePointAt(0) ?? 0)) found.add(char);
  return [...found];
}
