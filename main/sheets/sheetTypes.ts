// What reading a spreadsheet file produces, before any header or column is interpreted.

export const sheetFormats = ['csv', 'tsv', 'txt', 'xlsx', 'xls'] as const;
export type SheetFormat = (typeof sheetFormats)[number];

/** Text encodings a delimited file may be in (names as WHATWG TextDecoder labels). */
export const textEncodings = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030', 'big5'] as const;
export type TextEncoding = (typeof textEncodings)[number];

/** One way to decode a text file, for the import preview and its encoding override. */
export interface EncodingCandidate {
  encoding: TextEncoding;
  /** False when the bytes are not valid in this encoding. */
  valid: boolean;
  /** The first few lines decoded this way. */
  preview: string;
}

export type Delimiter = ',' | '\t' | ';';

export interface SheetGrid {
  format: SheetFormat;
  /** The encoding used (detected or chosen); null for workbooks. */
  encoding: TextEncoding | null;
  /** How the file reads in each plausible encoding, best first; empty for workbooks. */
  encodingCandidates: EncodingCandidate[];
  delimiter: Delimiter | null;
  /** Every sheet of a workbook, in order; empty for text files. */
  sheets: string[];
  /** The sheet read; null for text files. */
  sheet: string | null;
  /** Every row as read (title and blank rows included), each cell as the text the user sees. */
  cells: string[][];
}

export interface SheetLimits {
  maxBytes: number;
  maxRows: number;
}

export const defaultSheetLimits: SheetLimits = { maxBytes: 50 * 1024 * 1024, maxRows: 100_000 };

/** Why a file could not be read; each code has an English and Chinese message (`sheet.error.*`). */
export type SheetReadErrorCode =
  | 'missing_file'
  | 'empty_file'
  | 'too_large'
  | 'too_many_rows'
  | 'not_a_spreadsheet'
  | 'unsupported_format'
  | 'damaged_workbook'
  | 'no_sheet'
  | 'unknown_sheet'
  | 'undecodable'
  | 'no_header'
  | 'no_rows';

export interface SheetReadError {
  code: SheetReadErrorCode;
  params: Record<string, string | number>;
}

export type SheetReadResult = { ok: true; grid: SheetGrid } | { ok: false; error: SheetReadError };
