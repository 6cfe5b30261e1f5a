// Splitting decoded delimited text into rows of cells, with papaparse (RFC 4180 quoting: fields in
// double quotes may hold delimiters, doubled quotes and line breaks).

import Papa from 'papaparse';
import type { Delimiter } from '../sheetTypes.ts';

/**
 * Every record as an array of strings, blank records included. Papaparse keeps going after a
 * malformed record (e.g. a quote never closed) and reports it in `errors`; what it read is still
 * the best view of the file, so those reports are not turned into a failure.
 */
export function parseDelimited(text: string, delimiter: Delimiter): string[][] {
  const result = Papa.parse<string[]>(text, {
    delimiter,
    quoteChar: '"',
    escapeChar: '"',
    skipEmptyLines: false,
    header: false,
    dynamicTyping: false,
  });
  const rows = result.data;
  // A file that mixes \r\n and \n can leave a \r on a record's last cell.
  for (const row of rows) {
    const last = row.length - 1;
    const cell = row[last];
    if (cell !== undefined && cell.endsWith('\r')) row[last] = cell.slice(0, -1);
  }
  return rows;
}
