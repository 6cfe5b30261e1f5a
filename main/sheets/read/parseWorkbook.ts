// Reading an .xlsx or .xls workbook with SheetJS into rows of the text each cell shows.

import * as XLSX from 'xlsx';
import { countNonBlankRows, tidyGrid } from './tidyGrid.ts';
import { errorDetail, fail, type Outcome } from './readErrors.ts';

export interface WorkbookRead {
  sheets: string[];
  sheet: string;
  cells: string[][];
  /** True when the sheet goes on past the rows read (see `rowCap`). */
  truncated: boolean;
  /** The sheet's row count as its own range states it (used when truncated). */
  declaredRows: number;
}

interface DenseSheet {
  '!data'?: (XLSX.CellObject | undefined)[][];
  '!ref'?: string;
  '!fullref'?: string;
}

/**
 * `rowCap` bounds the rows parsed per sheet (SheetJS `sheetRows`), so a sheet far over the row
 * limit costs no more than one at the limit; the caller learns it was cut via `truncated`.
 */
export function parseWorkbook(bytes: Uint8Array, file: string, wanted: string | undefined, rowCap: number): Outcome<WorkbookRead> {
  let workbook: XLSX.WorkBook;
  try {
    workbook = XLSX.read(bytes, {
      type: 'array',
      dense: true, // rows as arrays: much faster and smaller than one key per cell on 100k rows
      sheetRows: rowCap,
      cellDates: false, // dates stay serial numbers; the shown text comes from `w`
      cellText: true, // `w`: the formatted text the user sees
      cellHTML: false,
      cellFormula: false,
      cellStyles: false,
      cellNF: false,
      sheetStubs: false,
      bookVBA: false,
    });
  } catch (error) {
    return fail('damaged_workbook', { file, detail: errorDetail(error) });
  }

  const sheets = workbook.SheetNames.slice();
  if (wanted !== undefined && !sheets.includes(wanted)) {
    return fail('unknown_sheet', { sheet: wanted, sheets: sheets.map((s) => `"${s}"`).join(', ') });
  }
  const pick = (name: string) => sheetCells(workbook.Sheets[name] as DenseSheet | undefined);
  let sheet = wanted;
  let cells = wanted !== undefined ? pick(wanted) : [];
  if (wanted === undefined) {
    // The first sheet with data, preferring visible sheets: a workbook often starts with an empty
    // "Sheet1" or hides a lookup sheet in front.
    const hidden = new Set(workbook.Workbook?.Sheets?.filter((s) => s.Hidden).map((s) => s.name) ?? []);
    const order = [...sheets.filter((s) => !hidden.has(s)), ...sheets.filter((s) => hidden.has(s))];
    for (const name of order) {
      const found = pick(name);
      if (countNonBlankRows(found) > 0) {
        [sheet, cells] = [name, found];
        break;
      }
    }
    if (sheet === undefined) return fail('no_sheet', { file });
  }
  const raw = workbook.Sheets[sheet as string] as DenseSheet | undefined;
  const declaredRows = rowsIn(raw?.['!fullref'] ?? raw?.['!ref']);
  const truncated = raw?.['!fullref'] !== undefined && declaredRows > rowsIn(raw['!ref']);
  return { ok: true, value: { sheets, sheet: sheet as string, cells, truncated, declaredRows } };
}

function rowsIn(ref: string | undefined): number {
  return ref ? XLSX.utils.decode_range(ref).e.r + 1 : 0;
}

/** The sheet from A1 (so grid rows are sheet rows), each cell as the text Excel shows. */
function sheetCells(sheet: DenseSheet | undefined): string[][] {
  const data = sheet?.['!data'];
  if (!data) return [];
  const rows: string[][] = [];
  for (let r = 0; r < data.length; r++) {
    const row = data[r];
    const out: string[] = [];
    if (row) for (let c = 0; c < row.length; c++) out.push(cellText(row[c]));
    rows.push(out);
  }
  return tidyGrid(rows);
}

function cellText(cell: XLSX.CellObject | undefined): string {
  if (!cell || cell.t === 'z') return '';
  if (cell.w !== undefined) return cell.w;
  // No formatted text (rare: some generators omit it): numbers without float noise.
  if (typeof cell.v === 'number') return String(Number(cell.v.toPrecision(15)));
  if (typeof cell.v === 'boolean') return cell.v ? 'TRUE' : 'FALSE';
  return cell.v == null ? '' : String(cell.v);
}
