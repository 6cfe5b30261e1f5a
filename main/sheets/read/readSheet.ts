// The reading layer's entry point: the bytes of a dropped file in, a grid of cell texts (or a typed
// error to show) out. Synchronous and pure (the caller reads the file), so it can run in a worker
// thread; it never throws.
//
// Row limit: `limits.maxRows` counts data rows, i.e. the non-blank rows minus one for the header
// (title rows above the header count as data here; the limit is generous enough for that).

import {
  defaultSheetLimits,
  type Delimiter,
  type SheetGrid,
  type SheetLimits,
  type SheetReadResult,
  type TextEncoding,
} from '../sheetTypes.ts';
import { decodeText } from './decodeText.ts';
import { detectDelimiter } from './detectDelimiter.ts';
import { detectFormat, type DetectedFormat } from './detectFormat.ts';
import { parseDelimited } from './parseDelimited.ts';
import { parseWorkbook } from './parseWorkbook.ts';
import { errorDetail, fail, tooLarge } from './readErrors.ts';
import { countNonBlankRows, tidyGrid } from './tidyGrid.ts';

export interface ReadSheetOptions {
  /** Decode a text file in this encoding instead of the detected one. Ignored for workbooks. */
  encoding?: TextEncoding;
  /** Read this sheet of a workbook instead of the first one with data. Ignored for text files. */
  sheet?: string;
  limits?: Partial<SheetLimits>;
}

// A workbook's rows are parsed up to the limit plus this many (title rows, blank rows, header).
const workbookRowSlack = 1000;

export function readSheet(bytes: Uint8Array, fileName: string, options: ReadSheetOptions = {}): SheetReadResult {
  const limits: SheetLimits = { ...defaultSheetLimits, ...options.limits };
  const oversized = tooLarge(bytes.length, fileName, limits.maxBytes);
  if (oversized) return oversized;
  if (bytes.length === 0) return fail('empty_file', { file: fileName });
  try {
    const detected = detectFormat(bytes, fileName);
    if (!detected.ok) return detected;
    return detected.value.kind === 'workbook'
      ? readWorkbook(bytes, fileName, detected.value.format, options.sheet, limits)
      : readText(bytes, fileName, detected.value.format, options.encoding, limits);
  } catch (error) {
    // Parsers can throw on inputs nobody foresaw; the user still gets an answer, never a crash.
    return fail('damaged_workbook', { file: fileName, detail: errorDetail(error) });
  }
}

function readText(
  bytes: Uint8Array,
  file: string,
  format: Extract<DetectedFormat, { kind: 'text' }>['format'],
  encoding: TextEncoding | undefined,
  limits: SheetLimits,
): SheetReadResult {
  const decoded = decodeText(bytes, encoding);
  if (!decoded.ok) return decoded;
  const { text } = decoded.value;
  if (text.trim() === '') return fail('empty_file', { file });
  // Tab-separated is what .tsv and Excel's "Unicode Text" .txt hold; everything else, commas.
  const fallback: Delimiter = format === 'tsv' || format === 'txt' ? '\t' : ',';
  const delimiter = detectDelimiter(text, fallback);
  const cells = tidyGrid(parseDelimited(text, delimiter));
  if (cells.length === 0) return fail('empty_file', { file }); // only delimiters and line breaks
  const tooMany = checkRows(countNonBlankRows(cells), limits);
  if (tooMany) return tooMany;
  const grid: SheetGrid = {
    format: format ?? (delimiter === '\t' ? 'tsv' : 'csv'),
    encoding: decoded.value.encoding,
    encodingCandidates: decoded.value.candidates,
    delimiter,
    sheets: [],
    sheet: null,
    cells,
  };
  return { ok: true, grid };
}

function readWorkbook(
  bytes: Uint8Array,
  file: string,
  format: 'xlsx' | 'xls',
  sheet: string | undefined,
  limits: SheetLimits,
): SheetReadResult {
  const read = parseWorkbook(bytes, file, sheet, limits.maxRows + workbookRowSlack);
  if (!read.ok) return read;
  const { cells, truncated, declaredRows } = read.value;
  // A sheet cut at the cap is over the limit by construction; its own range says how far it goes.
  const tooMany = truncated
    ? fail('too_many_rows', { rows: declaredRows - 1, limit: limits.maxRows })
    : checkRows(countNonBlankRows(cells), limits);
  if (tooMany) return tooMany;
  const grid: SheetGrid = {
    format,
    encoding: null,
    encodingCandidates: [],
    delimiter: null,
    sheets: read.value.sheets,
    sheet: read.value.sheet,
    cells,
  };
  return { ok: true, grid };
}

function checkRows(nonBlankRows: number, limits: SheetLimits) {
  const dataRows = nonBlankRows - 1;
  return dataRows > limits.maxRows ? fail('too_many_rows', { rows: dataRows, limit: limits.maxRows }) : null;
}
