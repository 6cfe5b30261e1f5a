import type { ProviderId } from '../../shared/catalog/schema.ts';
import type { Catalog } from '../providers/catalog/catalog.ts';
import { findHeaderRow, uniqueHeaders } from './map/findHeader.ts';
import { applyMapping, headerSignature, mappingOf, type ColumnMapping, type MappedColumn } from './map/mapColumns.ts';
import type { SheetField } from './map/sheetFields.ts';
import type { SheetGrid, SheetReadError } from './sheetTypes.ts';
import { unguardFormula } from './write/formulaGuard.ts';
import { rowInterpreter, type InterpretedRow, type RawFields } from './validate/interpretRow.ts';
import { templateFiller } from './validate/promptTemplate.ts';
import type { CellIssue } from './validate/sheetIssues.ts';

export interface InspectOptions {
  catalog: Catalog;
  provider: ProviderId;
  defaultModel?: string | undefined;
  /** The user's mapping, over the automatic one. */
  mapping?: ColumnMapping | undefined;
  /** Saved mappings by header signature: used, without a mapping of the user's, for a sheet with the same headers. */
  templates?: Record<string, ColumnMapping> | undefined;
  /** `{{column}}` template for output names (blank: the name column). */
  nameTemplate?: string | undefined;
}

export interface InspectedRow extends InterpretedRow {
  /** The row's number in the sheet, as Excel shows it. */
  row: number;
  /** Every cell by (unique) header, as read: exports give them back. */
  source: Record<string, string>;
  /** The mapped cells as written (the prompt after `{{column}}` filling), for rows with problems. */
  raw: RawFields | null;
  /** The first earlier row of this sheet asking for the same video. */
  sameAsRow: number | null;
}

export interface SheetInspection {
  grid: Omit<SheetGrid, 'cells'>;
  /** The header's row number in the sheet (1-based). */
  headerRow: number;
  headers: string[];
  columns: MappedColumn[];
  mapping: ColumnMapping;
  /** Whether a saved template mapped the columns. */
  templateUsed: boolean;
  rows: InspectedRow[];
  /** Problems with the sheet as a whole (no prompt column): no row can run until they are fixed. */
  sheetIssues: CellIssue[];
}

export type InspectResult = { ok: true; inspection: SheetInspection } | { ok: false; error: SheetReadError };

/** Finds the header, maps the columns and reads and checks every row against the catalog. */
export function inspectSheet(grid: SheetGrid, options: InspectOptions): InspectResult {
  const { cells, ...meta } = grid;
  const headerIndex = findHeaderRow(cells);
  if (headerIndex < 0) return { ok: false, error: { code: 'no_header', params: {} } };
  const width = cells.reduce((max, row) => Math.max(max, row.length), 0);
  const headers = uniqueHeaders(cells[headerIndex]!, width);
  const template = options.mapping ? undefined : options.templates?.[headerSignature(headers)];
  const columns = applyMapping(headers, options.mapping ?? template ?? {});
  const columnOf = new Map<SheetField, number>();
  columns.forEach((column, index) => column.field && columnOf.set(column.field, index));
  const sheetIssues: CellIssue[] = [];
  if (!columnOf.has('prompt')) sheetIssues.push({ field: 'prompt', code: 'no_prompt_column', messageKey: 'sheetIssue.no_prompt_column', params: {} });

  // A Genvid export escaped formula-like cells ('=…); reading one back undoes exactly that.
  const unguard = columnOf.has('rowId');
  const fill = templateFiller(headers);
  const interpretRow = rowInterpreter(options);
  const firstOfKey = new Map<string, number>();
  const rows: InspectedRow[] = [];
  for (let index = headerIndex + 1; index < cells.length; index += 1) {
    const read = cells[index]!;
    if (isBlank(read)) continue;
    const line = unguard ? read.map(unguardFormula) : read;
    const rowNumber = index + 1;
    const cellOf = (column: number) => line[column] ?? '';
    const raw: RawFields = {};
    for (const [field, column] of columnOf) raw[field] = cellOf(column);
    const prompt = fill(raw.prompt ?? '', cellOf, rowNumber);
    raw.prompt = prompt.text;
    if (options.nameTemplate?.trim()) raw.name = fill(options.nameTemplate, cellOf, rowNumber).text;
    const interpreted = interpretRow(raw);
    for (const name of prompt.unknown) interpreted.issues.push({ field: 'prompt', code: 'unknown_variable', messageKey: 'sheetIssue.unknown_variable', params: { name } });
    const source: Record<string, string> = {};
    for (let column = 0; column < headers.length; column += 1) source[headers[column]!] = line[column] ?? '';
    let sameAsRow: number | null = null;
    if (interpreted.duplicateKey !== null && interpreted.issues.length === 0) {
      sameAsRow = firstOfKey.get(interpreted.duplicateKey) ?? null;
      if (sameAsRow === null) firstOfKey.set(interpreted.duplicateKey, rowNumber);
    }
    const inspected = interpreted as InspectedRow;
    inspected.row = rowNumber;
    inspected.source = source;
    inspected.raw = interpreted.issues.length > 0 ? raw : null;
    inspected.sameAsRow = sameAsRow;
    rows.push(inspected);
  }
  if (rows.length === 0) return { ok: false, error: { code: 'no_rows', params: {} } };
  return { ok: true, inspection: { grid: meta, headerRow: headerIndex + 1, headers, columns, mapping: mappingOf(columns), templateUsed: template !== undefined, rows, sheetIssues } };
}

function isBlank(line: readonly string[]): boolean {
  for (const cell of line) if (cell !== '' && cell.trim() !== '') return false;
  return true;
}
